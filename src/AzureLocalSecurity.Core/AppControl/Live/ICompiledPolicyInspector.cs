namespace AzureLocalSecurity.AppControl.Live;

/// <summary>
/// Reads what the live analysis needs from a compiled policy file (a <c>.cip</c> of the Active folder, <c>SiPolicy.p7b</c>,
/// <c>driversipolicy.p7b</c>), signed or not. <see cref="CompiledPolicyHeaderReader"/> reads the fixed header only; a full
/// binary policy reader can stand in for it through this seam and fill the facts the header does not hold (base policy id,
/// name, rule option names).
/// </summary>
public interface ICompiledPolicyInspector
{
    /// <summary>
    /// Reads the facts of one policy file. Returns false, with <paramref name="problem"/> saying why in words, when the bytes
    /// are not a policy it reads; never throws for bad input.
    /// </summary>
    bool TryInspect(byte[] policy, out CompiledPolicyFacts? facts, out string? problem);
}
