using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// How every CIM reader files what Microsoft.Management.Infrastructure hands back: a CLR value (WINAPI.md §8.0's CIM to CLR
/// table) as an <see cref="EvidenceValue"/> keeping its type, and an MI_RESULT as an error category. Pure: no CIM API is touched
/// here, so it is tested anywhere.
/// </summary>
internal static class CimEvidence
{
    /// <summary>MI_RESULT_ACCESS_DENIED (mi.h; WINAPI.md §8.0): MMI's NativeErrorCode.AccessDenied.</summary>
    internal const int MiResultAccessDenied = 2;

    /// <summary>MI_RESULT_INVALID_NAMESPACE (mi.h; WINAPI.md §8.0): MMI's NativeErrorCode.InvalidNamespace.</summary>
    internal const int MiResultInvalidNamespace = 3;

    /// <summary>MI_RESULT_INVALID_CLASS (mi.h; WINAPI.md §8.0): MMI's NativeErrorCode.InvalidClass.</summary>
    internal const int MiResultInvalidClass = 5;

    /// <summary>One error item per class, for a failure that stopped a reader before it read any of them.</summary>
    internal static List<EvidenceItem> ErrorForEach(IReadOnlyCollection<CimClassSpec> classes, Func<DateTimeOffset> clock, Func<CimClassSpec, EvidenceError> error)
    {
        var items = new List<EvidenceItem>(classes.Count);
        foreach (var spec in classes)
        {
            items.Add(EvidenceItem.ForError(spec.Id, EvidenceKind.Properties, spec.Source, clock(), error(spec)));
        }

        return items;
    }

    /// <summary>Whether an MI_RESULT says the namespace or the class does not exist on this system.</summary>
    internal static bool IsMissingClass(int miResult) => miResult is MiResultInvalidNamespace or MiResultInvalidClass;

    /// <summary>
    /// The category of a CIM failure from its MI_RESULT: AccessDenied is AccessDenied; a namespace or class this system
    /// does not have is NotSupported; anything else is Failed.
    /// </summary>
    internal static EvidenceErrorCategory CategoryOf(int miResult) => miResult switch
    {
        MiResultAccessDenied => EvidenceErrorCategory.AccessDenied,
        MiResultInvalidNamespace or MiResultInvalidClass => EvidenceErrorCategory.NotSupported,
        _ => EvidenceErrorCategory.Failed,
    };

    /// <summary>
    /// A CIM value as evidence, keeping its type: string, bool, unsigned and signed integers and string arrays as
    /// themselves, null as Null. Unsigned integer arrays (uint8[] aside, which is bytes) are UInt64Array, uint8[] is Binary,
    /// a datetime is a DateTime (UTC); any other array is a MultiString of its elements' invariant-culture text, and anything
    /// else is its invariant-culture text.
    /// </summary>
    internal static EvidenceValue ToEvidenceValue(object? value) => value switch
    {
        null => EvidenceValue.Null,
        string s => EvidenceValue.FromString(s),
        bool b => EvidenceValue.FromBoolean(b),
        byte u8 => EvidenceValue.FromUInt64(u8),
        ushort u16 => EvidenceValue.FromUInt64(u16),
        uint u32 => EvidenceValue.FromUInt64(u32),
        ulong u64 => EvidenceValue.FromUInt64(u64),
        sbyte s8 => EvidenceValue.FromInt64(s8),
        short s16 => EvidenceValue.FromInt64(s16),
        int s32 => EvidenceValue.FromInt64(s32),
        long s64 => EvidenceValue.FromInt64(s64),
        string[] strings => EvidenceValue.FromMultiString(strings),
        DateTime time => EvidenceValue.FromDateTime(time),
        Array array => FromArray(array),
        _ => EvidenceValue.FromString(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty),
    };

    /// <summary>
    /// An array by its exact type. The CLR lets an int[] pass as a uint[] (and sbyte[] as byte[], short[] as ushort[], long[]
    /// as ulong[]), so a type pattern would read -1 as 4294967295; the exact type is compared instead.
    /// </summary>
    private static EvidenceValue FromArray(Array array)
    {
        var type = array.GetType();

        // Win32_DeviceGuard's arrays are uint32[] (WINAPI.md §8.1 mistake 1): kept as numbers, not as "System.UInt32[]".
        if (type == typeof(uint[]))
        {
            return EvidenceValue.FromUInt64Array(Widen((uint[])array));
        }

        if (type == typeof(ushort[]))
        {
            return EvidenceValue.FromUInt64Array(Widen((ushort[])array));
        }

        if (type == typeof(ulong[]))
        {
            return EvidenceValue.FromUInt64Array((ulong[])array);
        }

        if (type == typeof(byte[]))
        {
            return EvidenceValue.FromBinary((byte[])array);
        }

        return EvidenceValue.FromMultiString(Texts(array));
    }

    private static ulong[] Widen(uint[] values)
    {
        var widened = new ulong[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            widened[i] = values[i];
        }

        return widened;
    }

    private static ulong[] Widen(ushort[] values)
    {
        var widened = new ulong[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            widened[i] = values[i];
        }

        return widened;
    }

    private static List<string> Texts(IEnumerable values)
    {
        var texts = new List<string>();
        foreach (var element in values)
        {
            texts.Add(Convert.ToString(element, CultureInfo.InvariantCulture) ?? string.Empty);
        }

        return texts;
    }
}
