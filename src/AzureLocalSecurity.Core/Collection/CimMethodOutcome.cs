using System.Collections.Generic;

namespace AzureLocalSecurity.Collection;

/// <summary>What one CIM method call gave back: the boxed return value and the [out] values by name, or the failure in words.</summary>
internal sealed class CimMethodOutcome
{
    private CimMethodOutcome(object? returnValue, IReadOnlyDictionary<string, object?> outs, string? failure)
    {
        ReturnValue = returnValue;
        Outs = outs;
        Failure = failure;
    }

    /// <summary>The return value as MMI boxed it (a uint for the uint32 methods, WINAPI.md §8.0).</summary>
    internal object? ReturnValue { get; }

    /// <summary>The [out] parameters the result had, by name.</summary>
    internal IReadOnlyDictionary<string, object?> Outs { get; }

    /// <summary>Why the call did not complete (a CimException), or null.</summary>
    internal string? Failure { get; }

    /// <summary>A call that completed.</summary>
    internal static CimMethodOutcome Completed(object? returnValue, IReadOnlyDictionary<string, object?> outs) => new(returnValue, outs, null);

    /// <summary>A call that threw.</summary>
    internal static CimMethodOutcome Failed(string failure) => new(null, new Dictionary<string, object?>(), failure);
}
