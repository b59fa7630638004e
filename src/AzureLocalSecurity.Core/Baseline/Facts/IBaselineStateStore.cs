namespace AzureLocalSecurity.Baseline.Facts;

/// <summary>
/// Reads and changes the settings baseline rules point at. The Windows implementation calls the documented
/// APIs; the evidence-backed one works on a captured bundle, so plans, repairs and undo are tested anywhere.
/// </summary>
public interface IBaselineStateStore
{
    /// <summary>The current value of a setting.</summary>
    FactReading Read(FactRef fact);

    /// <summary>
    /// Sets a setting to <paramref name="value"/>; <see cref="FactValue.Absent"/> removes a registry value.
    /// <paramref name="registryType"/> is the REG_ type to write for registry values (REG_DWORD, REG_SZ, ...).
    /// Throws <see cref="BaselineWriteException"/> when the change cannot be made.
    /// </summary>
    void Write(FactRef fact, FactValue value, string? registryType);
}
