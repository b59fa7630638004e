using System;
using System.Collections.Generic;
using System.Globalization;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.SecureBoot.VariableStore;

/// <summary>
/// Files UEFI variables as evidence under <see cref="SecureBootEvidenceIds"/>: from a firmware variable store image here,
/// and (through the internal helpers) from a live node's collectors, so an NVRAM file is audited exactly like the node it
/// belongs to.
/// </summary>
public static class FirmwareVariableEvidence
{
    /// <summary>
    /// The items of every variable in <see cref="EfiVariableNames.SecureBootVariables"/>: the data and attributes of its
    /// current record (see <see cref="FirmwareVariableStore.Current"/>), or NotFound for both items when the store has none.
    /// A store image holds only non-volatile variables, so SecureBoot, SetupMode, AuditMode, DeployedMode, the defaults and
    /// SignatureSupport, which the firmware makes at each boot, are normally NotFound here.
    /// </summary>
    /// <param name="store">The parsed store.</param>
    /// <param name="source">How the image was obtained, such as <c>file /var/lib/libvirt/qemu/nvram/vm1_VARS.fd</c>.</param>
    /// <param name="capturedAt">When the image was read.</param>
    public static IEnumerable<EvidenceItem> ToEvidence(FirmwareVariableStore store, string source, DateTimeOffset capturedAt)
    {
        if (store is null)
        {
            throw new ArgumentNullException(nameof(store));
        }

        if (source is null)
        {
            throw new ArgumentNullException(nameof(source));
        }

        return Build(store, source, capturedAt);
    }

    /// <summary>The two items of a variable that was read.</summary>
    internal static IEnumerable<EvidenceItem> ForVariable(EfiVariableId id, string source, DateTimeOffset capturedAt, uint attributes, byte[] data)
    {
        yield return EvidenceItem.ForBlob(SecureBootEvidenceIds.Variable(id.Name, id.Vendor), source, capturedAt, data);
        yield return EvidenceItem.ForRecords(
            SecureBootEvidenceIds.VariableAttributes(id.Name, id.Vendor),
            source,
            capturedAt,
            [new EvidenceRecord([new(SecureBootEvidenceIds.AttributesProperty, EvidenceValue.FromUInt64(attributes))])]);
    }

    /// <summary>The two items of a variable that could not be read, both with the same error.</summary>
    internal static IEnumerable<EvidenceItem> ForError(EfiVariableId id, string source, DateTimeOffset capturedAt, EvidenceError error)
    {
        yield return EvidenceItem.ForError(SecureBootEvidenceIds.Variable(id.Name, id.Vendor), EvidenceKind.Blob, source, capturedAt, error);
        yield return EvidenceItem.ForError(SecureBootEvidenceIds.VariableAttributes(id.Name, id.Vendor), EvidenceKind.Properties, source, capturedAt, error);
    }

    private static IEnumerable<EvidenceItem> Build(FirmwareVariableStore store, string source, DateTimeOffset capturedAt)
    {
        foreach (var id in EfiVariableNames.SecureBootVariables)
        {
            var variable = store.Find(id.Name, id.Vendor);
            var items = variable is null
                ? ForError(id, source, capturedAt, new EvidenceError(EvidenceErrorCategory.NotFound, string.Format(CultureInfo.InvariantCulture, "{0} is not a current variable of the store.", id)))
                : ForVariable(id, source + string.Format(CultureInfo.InvariantCulture, " (record at 0x{0:X})", variable.Offset), capturedAt, (uint)variable.Attributes, variable.RawData);
            foreach (var item in items)
            {
                yield return item;
            }
        }
    }
}
