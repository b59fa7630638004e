using System;
using System.Collections.Generic;
using System.Globalization;
using AzureLocalSecurity.BitLocker;
using AzureLocalSecurity.Collection.Windows;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Collection;

/// <summary>
/// Builds one Win32_EncryptableVolume record in the shape <see cref="BitLockerEvidenceIds.EncryptableVolumes"/> documents,
/// from a property reader and a method invoker. Pure: the Windows reader hands it CIM, the tests hand it recorded answers.
/// The methods it may call are exactly <see cref="Methods"/>, all of them read-only queries of state (WINAPI.md §8.3); no
/// method that returns key material is among them, and the invoker refuses any other name.
/// </summary>
internal static class BitLockerVolumeRecorder
{
    /// <summary>The methods the read side calls, in call order. Nothing else is ever invoked.</summary>
    internal static readonly IReadOnlyList<string> Methods =
    [
        "GetConversionStatus",
        "GetEncryptionMethod",
        "GetProtectionStatus",
        "GetLockStatus",
        "GetKeyProtectors",
        "GetKeyProtectorType",
        "IsAutoUnlockEnabled",
        "GetSuspendCount",
    ];

    /// <summary>PrecisionFactor for GetConversionStatus: 1, so the percentages come as tenths of a percent (passed as uint, §8.3 mistake 1).</summary>
    internal const uint PrecisionFactor = 1;

    /// <summary>KeyProtectorType 0: every protector (§8.3).</summary>
    internal const uint AllProtectorTypes = 0;

    /// <summary>
    /// The record of one volume. <paramref name="read"/> gives a property's existence and value; <paramref name="invoke"/> calls
    /// a method with its [in] parameters (a uint or a string each) and gives back its outcome.
    /// </summary>
    internal static EvidenceRecord Record(
        Func<string, (bool Exists, object? Value)> read,
        Func<string, IReadOnlyList<KeyValuePair<string, object>>, CimMethodOutcome> invoke)
    {
        var properties = new List<KeyValuePair<string, EvidenceValue>>();
        object? volumeType = null;
        foreach (var name in BitLockerEvidenceIds.EncryptableVolumeProperties)
        {
            var (exists, value) = read(name);
            if (exists)
            {
                properties.Add(new(name, CimEvidence.ToEvidenceValue(value)));
                if (name == "VolumeType")
                {
                    volumeType = value;
                }
            }
        }

        Call(properties, invoke, "GetConversionStatus", [new("PrecisionFactor", PrecisionFactor)], ["ConversionStatus", "EncryptionPercentage", "EncryptionFlags", "WipingStatus", "WipingPercentage"]);
        Call(properties, invoke, "GetEncryptionMethod", [], ["EncryptionMethod", "SelfEncryptionDriveEncryptionMethod"]);
        Call(properties, invoke, "GetProtectionStatus", [], ["ProtectionStatus"]);
        Call(properties, invoke, "GetLockStatus", [], ["LockStatus"]);
        var outs = Call(properties, invoke, "GetKeyProtectors", [new("KeyProtectorType", AllProtectorTypes)], ["VolumeKeyProtectorID"]);
        if (outs is not null && outs.TryGetValue("VolumeKeyProtectorID", out var ids) && ids is string[] protectorIds)
        {
            properties.Add(new("GetKeyProtectorType.KeyProtectorType", EvidenceValue.FromMultiString(ProtectorTypes(invoke, protectorIds))));
        }

        Call(properties, invoke, "IsAutoUnlockEnabled", [], ["IsAutoUnlockEnabled", "VolumeKeyProtectorID"]);

        // GetSuspendCount answers only for the OS volume (VolumeType 0); elsewhere it fails by design (§8.3).
        if (volumeType is uint type && type == 0)
        {
            Call(properties, invoke, "GetSuspendCount", [], ["SuspendCount"]);
        }

        return new EvidenceRecord(properties);
    }

    /// <summary>The text a failed call records under <c>&lt;Method&gt;Error</c>: the code and its name, or why there is no code.</summary>
    internal static string? FailureText(CimMethodOutcome outcome)
    {
        if (outcome.Failure is not null)
        {
            return outcome.Failure;
        }

        if (outcome.ReturnValue is not uint code)
        {
            return "the return value was " + (outcome.ReturnValue?.GetType().Name ?? "null") + ", not a uint32";
        }

        return code == FveErrors.Success ? null : FveErrors.ToEvidenceText(code);
    }

    private static IReadOnlyDictionary<string, object?>? Call(
        List<KeyValuePair<string, EvidenceValue>> properties,
        Func<string, IReadOnlyList<KeyValuePair<string, object>>, CimMethodOutcome> invoke,
        string method,
        IReadOnlyList<KeyValuePair<string, object>> inParameters,
        IReadOnlyList<string> outNames)
    {
        var outcome = invoke(method, inParameters);
        var failure = FailureText(outcome);
        if (failure is not null)
        {
            properties.Add(new(method + BitLockerEvidenceIds.ErrorSuffix, EvidenceValue.FromString(failure)));
            return null;
        }

        foreach (var name in outNames)
        {
            if (outcome.Outs.TryGetValue(name, out var value))
            {
                properties.Add(new(method + "." + name, CimEvidence.ToEvidenceValue(value)));
            }
        }

        return outcome.Outs;
    }

    private static List<string> ProtectorTypes(Func<string, IReadOnlyList<KeyValuePair<string, object>>, CimMethodOutcome> invoke, string[] ids)
    {
        var entries = new List<string>(ids.Length);
        foreach (var id in ids)
        {
            var outcome = invoke("GetKeyProtectorType", [new("VolumeKeyProtectorID", id)]);
            var failure = FailureText(outcome);
            if (failure is not null)
            {
                entries.Add(id + "|error " + failure);
            }
            else if (outcome.Outs.TryGetValue("KeyProtectorType", out var type) && type is uint value)
            {
                entries.Add(id + "|" + value.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                entries.Add(id + "|error the KeyProtectorType out parameter was not a uint32");
            }
        }

        return entries;
    }
}
