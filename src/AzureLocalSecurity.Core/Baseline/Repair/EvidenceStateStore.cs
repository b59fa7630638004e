using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Baseline.Repair;

/// <summary>
/// A captured node as a state store: reads come from the bundle, writes change an in-memory copy of its facts,
/// and <see cref="ToBundle"/> gives the changed bundle. Items a write never touched, or that a later write put
/// back as they were, are the original items, so a repair followed by its undo gives back the same bundle. Used
/// to test plans, repairs and undo anywhere, and to preview a repair on a capture.
/// </summary>
public sealed class EvidenceStateStore : IBaselineStateStore
{
    private readonly EvidenceBundle _original;
    private readonly Dictionary<string, EvidenceItem> _items = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly Dictionary<string, string> _registryIds = new(StringComparer.OrdinalIgnoreCase);
    private BaselineFactReader _reader;

    /// <summary>Starts from a bundle.</summary>
    public EvidenceStateStore(EvidenceBundle bundle)
    {
        _original = bundle ?? throw new ArgumentNullException(nameof(bundle));
        foreach (var item in bundle.Items)
        {
            _items[item.Id] = item;
            _order.Add(item.Id);
            if (item.Kind == EvidenceKind.Registry)
            {
                _registryIds[item.Registry?.Path ?? item.Id] = item.Id;
            }
        }

        _reader = new BaselineFactReader(bundle);
    }

    /// <inheritdoc />
    public FactReading Read(FactRef fact) => _reader.Read(fact ?? throw new ArgumentNullException(nameof(fact)));

    /// <inheritdoc />
    public void Write(FactRef fact, FactValue value, string? registryType)
    {
        if (fact is null)
        {
            throw new ArgumentNullException(nameof(fact));
        }

        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        switch (fact.Source)
        {
            case FactSource.Registry:
                WriteRegistry(fact, value, registryType);
                break;
            case FactSource.UserRight:
                WriteRecord(BaselineEvidenceIds.UserRights, "LsaEnumerateAccountsWithUserRight", r => string.Equals(r.Get("Right")?.AsString(), fact.Name, StringComparison.OrdinalIgnoreCase),
                    () => [new("Right", EvidenceValue.FromString(fact.Name))],
                    _ => [new("Sids", EvidenceValue.FromMultiString(RequireKind(value, FactValueKind.SidList, fact).Items))]);
                break;
            case FactSource.AuditPolicy:
                var bits = RequireKind(value, FactValueKind.Number, fact).Number!.Value;
                WriteRecord(BaselineEvidenceIds.AuditSystemPolicy, "AuditQuerySystemPolicy", r => string.Equals(r.Get("SubcategoryGuid")?.AsString(), fact.Name, StringComparison.OrdinalIgnoreCase),
                    () => [new("SubcategoryGuid", EvidenceValue.FromString(fact.Name.ToLowerInvariant()))],
                    _ => [new("AuditingInformation", EvidenceValue.FromUInt64((ulong)bits))]);
                break;
            case FactSource.AccountPolicy:
                WriteAccountPolicy(fact, value);
                break;
            case FactSource.BuiltinAccount:
                WriteBuiltinAccount(fact, value);
                break;
            default:
                throw new BaselineWriteException($"{fact} is a status the platform reports, not a setting.");
        }

        _reader = new BaselineFactReader(ToBundle());
    }

    /// <summary>The bundle with the changes made so far.</summary>
    public EvidenceBundle ToBundle() =>
        new(_original.SchemaVersion, _original.Node, _original.CapturedAt, _original.ModuleVersion, _order.Select(id => Restored(_items[id])), _original.Location);

    private EvidenceItem Restored(EvidenceItem item)
    {
        var original = _original.Find(item.Id);
        return original is not null && Same(original, item) ? original : item;
    }

    private static bool Same(EvidenceItem a, EvidenceItem b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.Kind == EvidenceKind.Registry)
        {
            var av = a.Registry?.Values ?? [];
            var bv = b.Registry?.Values ?? [];
            return (a.Succeeded || (b.Registry is not null && bv.Count == 0 && b.Registry.SubKeys.Count == 0))
                && av.Count == bv.Count && av.Zip(bv, (x, y) => string.Equals(x.Name, y.Name, StringComparison.Ordinal) && x.Value.Equals(y.Value)).All(t => t)
                && (a.Registry?.SubKeys ?? []).SequenceEqual(b.Registry?.SubKeys ?? [], StringComparer.Ordinal);
        }

        var ar = a.Records ?? [];
        var br = b.Records ?? [];
        return a.Succeeded == b.Succeeded && ar.Count == br.Count
            && ar.Zip(br, (x, y) => x.Properties.Count == y.Properties.Count && x.Properties.Zip(y.Properties, (p, q) => string.Equals(p.Key, q.Key, StringComparison.Ordinal) && p.Value.Equals(q.Value)).All(t => t)).All(t => t);
    }

    private void WriteRegistry(FactRef fact, FactValue value, string? registryType)
    {
        var id = _registryIds.TryGetValue(fact.Path, out var known) ? known : EvidenceIds.Registry(fact.Path);
        _items.TryGetValue(id, out var item);
        if (item is not null && !item.Succeeded && item.Error!.Category != EvidenceErrorCategory.NotFound)
        {
            throw new BaselineWriteException($"The key {fact.Path} could not be read in the capture ({item.Error.Message}).");
        }

        var values = item?.Registry?.Values.ToList() ?? [];
        var index = values.FindIndex(v => string.Equals(v.Name, fact.Name, StringComparison.OrdinalIgnoreCase));
        var originalValues = _original.Find(id)?.Registry?.Values ?? [];
        if (value.Kind == FactValueKind.Absent)
        {
            if (index >= 0)
            {
                values.RemoveAt(index);
            }
        }
        else
        {
            var entry = new RegistryValueEvidence(index >= 0 ? values[index].Name : fact.Name, ToRegistry(fact, value, registryType));
            if (index >= 0)
            {
                values[index] = entry;
            }
            else
            {
                // A value that was in the capture goes back to its place, so an undo restores the key exactly.
                var place = originalValues.Select((v, i) => (v, i)).FirstOrDefault(p => string.Equals(p.v.Name, fact.Name, StringComparison.OrdinalIgnoreCase));
                var at = place.v is null ? values.Count : values.TakeWhile(v => originalValues.Take(place.i).Any(o => string.Equals(o.Name, v.Name, StringComparison.OrdinalIgnoreCase))).Count();
                values.Insert(at, entry);
            }
        }

        var path = item?.Registry?.Path ?? fact.Path;
        var updated = EvidenceItem.ForRegistry(id, item?.Source ?? "Registry", item?.CapturedAt ?? _original.CapturedAt, new RegistryKeyEvidence(path, values, item?.Registry?.SubKeys));
        Put(id, updated);
        _registryIds[path] = id;
    }

    private static EvidenceValue ToRegistry(FactRef fact, FactValue value, string? registryType)
    {
        var type = (registryType ?? string.Empty).ToUpperInvariant();
        switch (value.Kind)
        {
            case FactValueKind.Number when type == "REG_QWORD":
                return EvidenceValue.FromQWord(unchecked((ulong)value.Number!.Value));
            case FactValueKind.Number when value.Number is >= 0 and <= uint.MaxValue:
                return EvidenceValue.FromDWord((uint)value.Number.Value);
            case FactValueKind.Text:
                return type == "REG_EXPAND_SZ" ? EvidenceValue.FromExpandString(value.Text!) : EvidenceValue.FromString(value.Text!);
            case FactValueKind.TextList:
                return EvidenceValue.FromMultiString(value.Items);
            case FactValueKind.Binary:
                return EvidenceValue.FromBinary(value.Bytes.ToArray());
            default:
                throw new BaselineWriteException($"{fact}: a {value.Kind} value cannot be written as {(type.Length == 0 ? "a registry value" : type)}.");
        }
    }

    private void WriteAccountPolicy(FactRef fact, FactValue value)
    {
        const ulong Forever = uint.MaxValue;
        switch (fact.Name)
        {
            case "MinimumPasswordLength":
                SetModal(BaselineEvidenceIds.UserModals0, "MinPasswdLen", (ulong)Number(value, fact));
                break;
            case "LockoutBadCount":
                SetModal(BaselineEvidenceIds.UserModals3, "LockoutThreshold", (ulong)Number(value, fact));
                break;
            case "LockoutDuration":
                SetModal(BaselineEvidenceIds.UserModals3, "LockoutDuration", Number(value, fact) < 0 ? Forever : (ulong)Number(value, fact) * 60);
                break;
            case "ResetLockoutCount":
                SetModal(BaselineEvidenceIds.UserModals3, "LockoutObservationWindow", (ulong)Number(value, fact) * 60);
                break;
            case "PasswordHistorySize":
                SetModal(BaselineEvidenceIds.UserModals0, "PasswordHistLen", (ulong)Number(value, fact));
                break;
            case "MaximumPasswordAge":
                SetModal(BaselineEvidenceIds.UserModals0, "MaxPasswdAge", Number(value, fact) <= 0 ? Forever : (ulong)Number(value, fact) * 86400);
                break;
            case "MinimumPasswordAge":
                SetModal(BaselineEvidenceIds.UserModals0, "MinPasswdAge", (ulong)Number(value, fact) * 86400);
                break;
            case "ForceLogoff":
                SetModal(BaselineEvidenceIds.UserModals0, "ForceLogoff", Number(value, fact) == 1 ? 0 : Forever);
                break;
            case "AccountLockoutPolicy":
                var pairs = RequireKind(value, FactValueKind.KeyValues, fact).Pairs.ToDictionary(p => p.Key.Trim(), p => long.TryParse(p.Value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= 0 ? (ulong)n : ulong.MaxValue, StringComparer.OrdinalIgnoreCase);
                if (pairs.TryGetValue("ResetAccountLockoutCounterAfter", out var window))
                {
                    SetModal(BaselineEvidenceIds.UserModals3, "LockoutObservationWindow", window * 60);
                }

                if (pairs.TryGetValue("AccountLockoutDuration", out var duration))
                {
                    SetModal(BaselineEvidenceIds.UserModals3, "LockoutDuration", duration == ulong.MaxValue ? Forever : duration * 60);
                }

                if (pairs.TryGetValue("AccountLockoutThreshold", out var threshold))
                {
                    SetModal(BaselineEvidenceIds.UserModals3, "LockoutThreshold", threshold);
                }

                break;
            default:
                throw new BaselineWriteException($"{fact}: Windows has no documented API to set {fact.Name}.");
        }
    }

    private void WriteBuiltinAccount(FactRef fact, FactValue value)
    {
        var rid = ulong.Parse(fact.Path, CultureInfo.InvariantCulture);
        WriteRecord(BaselineEvidenceIds.BuiltinAccounts, "LookupAccountSid+NetUserGetInfo", r => r.Get("Rid")?.AsInt64() == (long)rid,
            () => [new("Rid", EvidenceValue.FromUInt64(rid))],
            r =>
            {
                if (string.Equals(fact.Name, "Name", StringComparison.OrdinalIgnoreCase))
                {
                    return [new("Name", EvidenceValue.FromString(RequireKind(value, FactValueKind.Text, fact).Text!))];
                }

                const ulong Disabled = 0x2;
                var flags = (ulong)(r?.Get("Flags")?.AsInt64() ?? 0);
                flags = Number(value, fact) == 1 ? flags & ~Disabled : flags | Disabled;
                return [new("Flags", EvidenceValue.FromUInt64(flags))];
            });
    }

    private void SetModal(string id, string property, ulong value) =>
        WriteRecord(id, "NetUserModalsGet", _ => true, () => [], _ => [new(property, EvidenceValue.FromUInt64(value))]);

    private void WriteRecord(string id, string source, Func<EvidenceRecord, bool> match, Func<List<KeyValuePair<string, EvidenceValue>>> create, Func<EvidenceRecord?, List<KeyValuePair<string, EvidenceValue>>> change)
    {
        _items.TryGetValue(id, out var item);
        if (item is not null && !item.Succeeded)
        {
            throw new BaselineWriteException($"'{id}' could not be read in the capture ({item.Error!.Message}).");
        }

        var records = item?.Records?.ToList() ?? [];
        var index = records.FindIndex(r => match(r));
        var old = index >= 0 ? records[index] : null;
        var properties = old?.Properties.ToList() ?? create();
        foreach (var set in change(old))
        {
            var at = properties.FindIndex(p => string.Equals(p.Key, set.Key, StringComparison.OrdinalIgnoreCase));
            if (at >= 0)
            {
                properties[at] = set;
            }
            else
            {
                properties.Add(set);
            }
        }

        var record = new EvidenceRecord(properties);
        if (index >= 0)
        {
            records[index] = record;
        }
        else
        {
            records.Add(record);
        }

        Put(id, EvidenceItem.ForRecords(id, item?.Source ?? source, item?.CapturedAt ?? _original.CapturedAt, records));
    }

    private void Put(string id, EvidenceItem item)
    {
        if (!_items.ContainsKey(id))
        {
            _order.Add(id);
        }

        _items[id] = item;
    }

    private static long Number(FactValue value, FactRef fact) => RequireKind(value, FactValueKind.Number, fact).Number!.Value;

    private static FactValue RequireKind(FactValue value, FactValueKind kind, FactRef fact) =>
        value.Kind == kind ? value : throw new BaselineWriteException($"{fact} takes a {kind} value, not {value.Kind}.");
}
