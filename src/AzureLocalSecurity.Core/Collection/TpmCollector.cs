using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using AzureLocalSecurity.Collection.Windows;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Tpm;
using AzureLocalSecurity.Tpm.Transports;

namespace AzureLocalSecurity.Collection;

/// <summary>
/// Reads the TPM through a transport and files every response byte for byte (<see cref="TpmEvidenceIds"/>); it decodes
/// only what it needs to know what to ask next (more data, which PCRs are left, which NV indexes exist). The platform TPM
/// is the default: TBS on Windows, <c>/dev/tpmrm0</c> (else <c>/dev/tpm0</c>) under the context's root on Linux.
/// A TPM error is kept as the TPM's own error response; a TPM that cannot be reached is one error item.
/// </summary>
public sealed class TpmCollector : IEvidenceCollector
{
    private readonly TpmCollectionScope _scope;
    private readonly Func<CollectionContext, ITpmTransport>? _open;

    /// <summary>Creates a collector for the platform TPM, or for the TPM <paramref name="open"/> connects to.</summary>
    public TpmCollector(TpmCollectionScope scope, Func<CollectionContext, ITpmTransport>? open = null)
    {
        _scope = scope;
        _open = open;
    }

    /// <inheritdoc />
    public string Name => "Tpm";

    /// <inheritdoc />
    public IEnumerable<EvidenceItem> Collect(CollectionContext context)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        var items = new List<EvidenceItem>();
        if (_open is null && (_scope & TpmCollectionScope.Identity) != 0 && RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            items.Add(WindowsTpmCimReader.Read(context.Clock()));
            items.Add(WindowsPlatformStatusReader.ReadTpmDeviceInfo(context.Clock()));
        }

        ITpmTransport transport;
        try
        {
#pragma warning disable CA2000 // The TpmClient below owns the transport (ownsTransport defaults to true) and its using declaration disposes it.
            transport = _open is not null ? _open(context) : OpenPlatform(context);
#pragma warning restore CA2000
        }
        catch (TpmTransportException ex)
        {
            items.Add(EvidenceItem.ForError(TpmEvidenceIds.Transport, EvidenceKind.Properties, _open is null ? "the platform TPM" : "the TPM endpoint", context.Clock(),
                new EvidenceError(ex.NotFound ? EvidenceErrorCategory.NotFound : EvidenceErrorCategory.Failed, ex.Message, ex.Code)));
            return items;
        }

        using var client = new TpmClient(transport);
        items.Add(EvidenceItem.ForRecords(TpmEvidenceIds.Transport, "TpmCollector", context.Clock(),
        [
            new EvidenceRecord(
            [
                new("Transport", EvidenceValue.FromString(transport switch { TcpTpmTransport => "Tcp", LinuxDeviceTpmTransport => "LinuxDevice", _ => "Tbs" })),
                new("Endpoint", EvidenceValue.FromString(transport.Description)),
            ]),
        ]));
        var session = new Session(client, context, items);
        IReadOnlyList<TpmPcrSelection>? banks = null;
        if ((_scope & (TpmCollectionScope.Identity | TpmCollectionScope.Pcrs)) != 0)
        {
            session.Record(TpmEvidenceIds.CapabilityPcrs, "TPM2_GetCapability(TPM_CAP_PCRS)", () => banks = client.GetPcrAllocation());
        }

        IReadOnlyList<uint> nvIndexes = [];
        IReadOnlyList<uint> persistent = [];
        if ((_scope & TpmCollectionScope.Identity) != 0)
        {
            session.Record(TpmEvidenceIds.CapabilityProperties, "TPM2_GetCapability(TPM_CAP_TPM_PROPERTIES)", () =>
            {
                client.GetProperties(0x100, 0x1FF);
                client.GetProperties(0x200, 0x2FF);
            });
            session.Record(TpmEvidenceIds.CapabilityAlgorithms, "TPM2_GetCapability(TPM_CAP_ALGS)", () => client.GetAlgorithms());
            session.Record(TpmEvidenceIds.CapabilityNvIndexes, "TPM2_GetCapability(TPM_CAP_HANDLES, NV index)", () => nvIndexes = client.GetHandles(0x01000000));
            foreach (var index in TpmClient.EndorsementCertificateIndexes.Where(nvIndexes.Contains))
            {
                TpmNvPublic? nv = null;
                session.Record(TpmEvidenceIds.NvReadPublic(index), "TPM2_NV_ReadPublic", () => nv = client.NvReadPublic(index));
                if (nv is { Written: true })
                {
                    session.Record(TpmEvidenceIds.NvRead(index), "TPM2_NV_Read", () => client.NvRead(nv));
                }
            }
        }

        if ((_scope & (TpmCollectionScope.Identity | TpmCollectionScope.EndorsementKey)) != 0)
        {
            session.Record(TpmEvidenceIds.CapabilityPersistentHandles, "TPM2_GetCapability(TPM_CAP_HANDLES, persistent)", () => persistent = client.GetHandles(0x81000000));
        }

        if ((_scope & TpmCollectionScope.Pcrs) != 0 && banks is not null)
        {
            session.Record(TpmEvidenceIds.PcrRead, "TPM2_PCR_Read", () => client.ReadPcrs(banks));
        }

        if ((_scope & TpmCollectionScope.EndorsementKey) != 0)
        {
            var ekHandles = persistent.Where(h => h >= TpmClient.EndorsementKeyHandleFirst && h <= TpmClient.EndorsementKeyHandleLast).ToList();
            foreach (var handle in ekHandles)
            {
                session.Record(TpmEvidenceIds.ReadPublic(handle), "TPM2_ReadPublic", () => client.ReadPublic(handle));
            }

            if (ekHandles.Count == 0)
            {
                session.CreateEndorsementKey("rsa2048", TpmTemplates.EndorsementKeyRsa2048());
                session.CreateEndorsementKey("eccp256", TpmTemplates.EndorsementKeyEccP256());
            }
        }

        return items;
    }

    /// <summary>Opens this machine's TPM: TBS on Windows, the kernel's resource manager (/dev/tpmrm0) on Linux; a TpmTransportException elsewhere or when there is none.</summary>
    public static ITpmTransport OpenPlatform(CollectionContext context)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            return TbsTpmTransport.Open();
        }

        if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            return LinuxDeviceTpmTransport.OpenDefault(context.LinuxRoot);
        }

        throw new TpmTransportException("This module reads a platform TPM on Windows and Linux only; name an endpoint to read a TPM over TCP.", null, notFound: false);
    }

    /// <summary>Files the responses of one step under one id; a broken connection is an error item, and no further step is tried.</summary>
    private sealed class Session(TpmClient client, CollectionContext context, List<EvidenceItem> items)
    {
        private TpmTransportException? _broken;

        internal void Record(string id, string command, Action read)
        {
            var source = command + " via " + client.TransportDescription;
            if (_broken is not null)
            {
                items.Add(EvidenceItem.ForError(id, EvidenceKind.Blob, source, context.Clock(), new EvidenceError(EvidenceErrorCategory.Failed, "Not read: the TPM connection failed earlier: " + _broken.Message)));
                return;
            }

            client.BeginRecording();
            try
            {
                read();
            }
            catch (TpmCommandException)
            {
                // The TPM's error response is among the recorded responses; the analysis reads it from there.
            }
            catch (TpmResponseFormatException)
            {
                // The malformed response is recorded as received; the analysis finds the same fault at the same offset.
            }
            catch (TpmTransportException ex)
            {
                client.EndRecording();
                _broken = ex;
                items.Add(EvidenceItem.ForError(id, EvidenceKind.Blob, source, context.Clock(), new EvidenceError(EvidenceErrorCategory.Failed, ex.Message, ex.Code)));
                return;
            }

            items.Add(EvidenceItem.ForBlob(id, source, context.Clock(), client.EndRecording()));
        }

        /// <summary>CreatePrimary from an EK template in the endorsement hierarchy (empty authorization), then flush the transient key.</summary>
        internal void CreateEndorsementKey(string template, byte[] publicTemplate)
        {
            TpmCreatedObject? created = null;
            Record(TpmEvidenceIds.CreatePrimaryEndorsementKey(template), "TPM2_CreatePrimary(TPM_RH_ENDORSEMENT, TCG EK template " + template + ")",
                () => created = client.CreatePrimary(TpmConstants.RhEndorsement, publicTemplate));
            if (created is not null && _broken is null)
            {
                try
                {
                    client.FlushContext(created.Handle);
                }
                catch (Exception ex) when (ex is TpmCommandException or TpmResponseFormatException or TpmTransportException)
                {
                    items.Add(EvidenceItem.ForError("tpm/flush/ek-" + template, EvidenceKind.Blob, "TPM2_FlushContext via " + client.TransportDescription, context.Clock(), new EvidenceError(EvidenceErrorCategory.Failed, "The transient EK could not be flushed: " + ex.Message)));
                }
            }
        }
    }
}
