using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.Versioning;
using AzureLocalSecurity.Evidence;
using Microsoft.Management.Infrastructure;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// Reads the Win32_Tpm instance (root\CIMV2\Security\MicrosoftTpm, WINAPI.md §8.2) as one record under
/// <see cref="TpmEvidenceIds.Win32Tpm"/>, in the shape that id documents: the properties as read, then the live answers of
/// IsActivated, IsEnabled, IsOwned, IsReady and IsReadyInformation, each method that failed recorded as
/// <c>&lt;Method&gt;Error</c> instead. Through Microsoft.Management.Infrastructure (WINAPI.md §8.0), which both PowerShell
/// editions load; no interpretation here.
/// </summary>
[SupportedOSPlatform("windows")]
internal static class WindowsTpmCimReader
{
    internal const string Namespace = @"root\CIMV2\Security\MicrosoftTpm";
    internal const string ClassName = "Win32_Tpm";
    internal const string Source = @"CIM root\CIMV2\Security\MicrosoftTpm Win32_Tpm";

    /// <summary>The properties recorded, as TpmEvidenceIds.Win32Tpm lists them: the documented eight and the two newer ones (§8.2).</summary>
    private static readonly string[] PropertyNames =
    [
        "IsActivated_InitialValue",
        "IsEnabled_InitialValue",
        "IsOwned_InitialValue",
        "SpecVersion",
        "ManufacturerVersion",
        "ManufacturerVersionInfo",
        "ManufacturerId",
        "ManufacturerIdTxt",
        "ManufacturerVersionFull20",
        "PhysicalPresenceVersionInfo",
    ];

    /// <summary>
    /// The methods invoked (all instance methods returning uint32, §8.2) and the [out] parameter each answer is read from.
    /// The property is named for the method; IsReadyInformation's answer is its Information bit mask.
    /// </summary>
    private static readonly (string Method, string OutParameter)[] Methods =
    [
        ("IsActivated", "IsActivated"),
        ("IsEnabled", "IsEnabled"),
        ("IsOwned", "IsOwned"),
        ("IsReady", "IsReady"),
        ("IsReadyInformation", "Information"),
    ];

    /// <summary>Reads Win32_Tpm: one Properties item, or an error item (NotFound: Windows sees no TPM).</summary>
    internal static EvidenceItem Read(DateTimeOffset now)
    {
        try
        {
            return ReadWithCim(now);
        }
        catch (Exception ex) when (ex is FileNotFoundException or FileLoadException)
        {
            // ReadWithCim is where MMI is first touched, so a missing assembly surfaces here rather than in our caller.
            return Error(now, EvidenceErrorCategory.NotSupported, "Microsoft.Management.Infrastructure could not be loaded: " + ex.Message, null);
        }
    }

    /// <summary>The category of a CIM failure from its MI_RESULT (<see cref="CimEvidence.CategoryOf"/>, shared by every CIM reader).</summary>
    internal static EvidenceErrorCategory CategoryOf(int miResult) => CimEvidence.CategoryOf(miResult);

    /// <summary>A CIM value as evidence, keeping its type (<see cref="CimEvidence.ToEvidenceValue"/>, shared by every CIM reader).</summary>
    internal static EvidenceValue ToEvidenceValue(object? value) => CimEvidence.ToEvidenceValue(value);

    /// <summary>
    /// What one method call adds to the record. The return value is a boxed uint32 (§8.2 mistake 3): zero is success and
    /// the [out] value becomes the property named for the method (Boolean, or UInt64 for IsReadyInformation's bit mask);
    /// a non-zero return becomes <c>&lt;Method&gt;Error</c> with the code in hex (0x8028400F). A return value or an out
    /// value of another type is a failure too, described in words under the same name.
    /// </summary>
    internal static KeyValuePair<string, EvidenceValue> MethodAnswer(string method, object? returnValue, object? outValue)
    {
        if (returnValue is not uint code)
        {
            return MethodError(method, "the return value was " + Describe(returnValue) + ", not a uint32");
        }

        if (code != 0)
        {
            return MethodError(method, "0x" + code.ToString("X8", CultureInfo.InvariantCulture));
        }

        if (method == "IsReadyInformation")
        {
            return outValue is uint information
                ? new(method, EvidenceValue.FromUInt64(information))
                : MethodError(method, "the Information out parameter was " + Describe(outValue) + ", not a uint32");
        }

        return outValue is bool answer
            ? new(method, EvidenceValue.FromBoolean(answer))
            : MethodError(method, "the " + method + " out parameter was " + Describe(outValue) + ", not a boolean");
    }

    /// <summary>A method's failure, in the one form TpmEvidenceIds.Win32Tpm gives it: <c>&lt;Method&gt;Error</c>, a String.</summary>
    internal static KeyValuePair<string, EvidenceValue> MethodError(string method, string text) => new(method + "Error", EvidenceValue.FromString(text));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static EvidenceItem ReadWithCim(DateTimeOffset now)
    {
        try
        {
            // A null computer name is the local machine (WINAPI.md §8.0).
            using var session = CimSession.Create(null);
            CimInstance? tpm = null;
            try
            {
                // Enumeration is lazy: errors surface here, inside the try. There is one instance, or none without a TPM.
                foreach (var instance in session.EnumerateInstances(Namespace, ClassName))
                {
                    tpm = instance;
                    break;
                }

                if (tpm is null)
                {
                    return Error(now, EvidenceErrorCategory.NotFound, "Windows sees no TPM (no Win32_Tpm instance)", null);
                }

                return EvidenceItem.ForRecords(TpmEvidenceIds.Win32Tpm, Source, now, [ReadRecord(session, tpm)]);
            }
            finally
            {
                tpm?.Dispose();
            }
        }
        catch (CimException ex)
        {
            var miResult = (int)ex.NativeErrorCode;
            return Error(now, CategoryOf(miResult), $"{ClassName} could not be read: {ex.NativeErrorCode} (MI_RESULT {miResult}): {ex.Message}", miResult);
        }
    }

    private static EvidenceRecord ReadRecord(CimSession session, CimInstance tpm)
    {
        var properties = new List<KeyValuePair<string, EvidenceValue>>(PropertyNames.Length + Methods.Length);
        foreach (var name in PropertyNames)
        {
            // A property this build does not have is null here (§8.0) and is left out: only what was read is recorded.
            var property = tpm.CimInstanceProperties[name];
            if (property is not null)
            {
                properties.Add(new(name, ToEvidenceValue(property.Value)));
            }
        }

        foreach (var (method, outParameter) in Methods)
        {
            properties.Add(Invoke(session, tpm, method, outParameter));
        }

        return new EvidenceRecord(properties);
    }

    private static KeyValuePair<string, EvidenceValue> Invoke(CimSession session, CimInstance tpm, string method, string outParameter)
    {
        try
        {
            using var parameters = new CimMethodParametersCollection();
            using var result = session.InvokeMethod(Namespace, tpm, method, parameters);
            return MethodAnswer(method, result.ReturnValue?.Value, result.OutParameters?[outParameter]?.Value);
        }
        catch (CimException ex)
        {
            return MethodError(method, $"{ex.NativeErrorCode} (MI_RESULT {(int)ex.NativeErrorCode}): {ex.Message}");
        }
    }

    private static EvidenceItem Error(DateTimeOffset now, EvidenceErrorCategory category, string message, long? code) =>
        EvidenceItem.ForError(TpmEvidenceIds.Win32Tpm, EvidenceKind.Properties, Source, now, new EvidenceError(category, message, code));

    private static string Describe(object? value) => value is null ? "null" : value.GetType().Name;
}
