using System;
using System.Collections.Generic;
using AzureLocalSecurity.AppControl.Live;

namespace AzureLocalSecurity.Tests.AppControl.Changes;

/// <summary>
/// Stands in for the full policy reader (AppControl/Policy, not merged): reads the header with the built-in reader, then
/// fills what the body holds from the test's tables: the policy id (the header's id, as in the multiple-policy format), the
/// base policy id and the name.
/// </summary>
internal sealed class FakeCompiledPolicyInspector : ICompiledPolicyInspector
{
    /// <summary>Each policy's base policy id, by policy id; a policy not in the table is its own base.</summary>
    public Dictionary<Guid, Guid> BaseOf { get; } = [];

    public Dictionary<Guid, string> Names { get; } = [];

    public bool TryInspect(byte[] policy, out CompiledPolicyFacts? facts, out string? problem)
    {
        if (!CompiledPolicyHeaderReader.Instance.TryInspect(policy, out facts, out problem))
        {
            return false;
        }

        var id = facts!.PolicyTypeId;
        facts.PolicyId = id;
        facts.BasePolicyId = BaseOf.TryGetValue(id, out var baseId) ? baseId : id;
        facts.Name = Names.TryGetValue(id, out var name) ? name : null;
        return true;
    }
}
