namespace AzureLocalSecurity.AppControl.Policy;

/// <summary>A <c>Macros/Macro</c>: a value file rules' <c>AppIDs</c> name as <c>$(Id)</c>.</summary>
public sealed class SiPolicyMacro
{
    /// <summary>The macro's ID (a compiled policy keeps values only: read from one, it is <c>ID_MACRO_M_&lt;n&gt;</c>).</summary>
    public string? Id { get; set; }

    /// <summary>The macro's value.</summary>
    public string? Value { get; set; }
}
