using System;
using AzureLocalSecurity.AppControl.Live;

namespace AzureLocalSecurity.AppControl.Policy;

/// <summary>
/// The live analysis's <see cref="ICompiledPolicyInspector"/> backed by the full <see cref="SiPolicyBinaryReader"/>: on
/// top of the header's facts it reads what only the body holds, the PolicyID and BasePolicyID (tagged block 6) and the
/// PolicyInfo Name setting, so a deployed file alone says whether a policy is a base or a supplemental and which base it
/// needs. The header facts come from <see cref="CompiledPolicyHeaderReader"/>, so both agree on them; a body that does not
/// read leaves the body's facts unknown and keeps the header's.
/// </summary>
public sealed class SiPolicyInspector : ICompiledPolicyInspector
{
    /// <summary>The one instance (stateless).</summary>
    public static SiPolicyInspector Instance { get; } = new();

    /// <inheritdoc />
    public bool TryInspect(byte[] policy, out CompiledPolicyFacts? facts, out string? problem)
    {
        if (!CompiledPolicyHeaderReader.Instance.TryInspect(policy, out facts, out problem))
        {
            return false;
        }

        try
        {
            var compiled = SiPolicyBinaryReader.Read(policy).Policy;
            facts!.PolicyId = ParseGuid(compiled.PolicyId);
            facts.BasePolicyId = ParseGuid(compiled.BasePolicyId);
            facts.Name = compiled.Name ?? compiled.FriendlyName;
            return true;
        }
        catch (SiPolicyFormatException)
        {
            // The header's facts still stand (format, options, version, signed); what only the body holds stays unknown,
            // as with the header reader alone.
            return true;
        }
    }

    private static Guid? ParseGuid(string? text) =>
        text is not null && Guid.TryParse(text, out var id) && id != Guid.Empty ? id : null;
}
