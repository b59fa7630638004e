using System;
using System.Linq;
using AzureLocalSecurity.MeasuredBoot;
using AzureLocalSecurity.Tests.Support;
using AzureLocalSecurity.Tpm;
using AzureLocalSecurity.Tpm.Marshalling;
using AzureLocalSecurity.Tpm.Transports;

namespace AzureLocalSecurity.Tests.MeasuredBoot;

/// <summary>
/// A real software TPM (swtpm, provisioned with the sha1, sha256 and sha384 banks) into which every record of a real
/// firmware log (the GCE Ubuntu log of tpm2-tools, which has those three banks and no StartupLocality record) was
/// extended with TPM2_PCR_Extend, as firmware would have: its PCRs are what the machine's TPM held after that boot.
/// </summary>
public sealed class BootLogTpm : IDisposable
{
    public BootLogTpm()
    {
        LogBytes = EventLogVectors.Read(EventLogVectors.GceUbuntu);
        Log = TcgEventLog.Parse(LogBytes);
        Tpm = Swtpm.StartProvisioned();
        using var client = Connect();
        foreach (var record in Log.Events.Where(e => e.EventType != TcgEventType.NoAction && e.PcrIndex != uint.MaxValue))
        {
            var response = client.Execute(PcrExtend(record.PcrIndex, record));
            var rc = TpmResponseDecoder.PeekResponseCode(new ArraySegment<byte>(response));
            if (!rc.IsSuccess)
            {
                throw new InvalidOperationException($"TPM2_PCR_Extend of record {record.Index} failed: {rc}");
            }
        }
    }

    public Swtpm Tpm { get; }

    public byte[] LogBytes { get; }

    public TcgEventLog Log { get; }

    public TpmClient Connect() => new(TcpTpmTransport.Connect("127.0.0.1", Tpm.Port, TimeSpan.FromSeconds(30)));

    public void Dispose() => Tpm.Dispose();

    /// <summary>TPM2_PCR_Extend (Part 3 §22.2): the PCR handle, a password session, then TPML_DIGEST_VALUES (count, then each TPMT_HA).</summary>
    private static byte[] PcrExtend(uint pcr, TcgEvent record)
    {
        var writer = new TpmCommandWriter(0x00000182, sessions: true).WriteUInt32(pcr).WritePasswordSession([]).WriteUInt32((uint)record.Digests.Count);
        foreach (var digest in record.Digests)
        {
            writer.WriteUInt16(digest.Algorithm).WriteBytes(digest.GetBytes());
        }

        return writer.ToArray();
    }
}
