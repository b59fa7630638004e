namespace AzureLocalSecurity.Evidence.Import;

/// <summary>
/// What one Registry.pol record tells the Group Policy client to do, read from its value name (MS-GPREG 2.2.1). The
/// <c>**</c> prefixes are matched without regard to case: Microsoft's own documentation spells them <c>**Del.</c> and
/// <c>**DelVals</c> while the Group Policy editor writes <c>**del.</c> and <c>**delvals.</c>.
/// </summary>
public enum RegistryPolicyAction
{
    /// <summary>An ordinary value name: set the value.</summary>
    SetValue,

    /// <summary>An empty value name: create the key only.</summary>
    CreateKey,

    /// <summary><c>**del.&lt;name&gt;</c>: delete the value named after the prefix.</summary>
    DeleteValue,

    /// <summary><c>**delvals.</c>: delete every value of the key.</summary>
    DeleteAllValues,

    /// <summary><c>**DeleteValues</c>: delete the values listed, separated by <c>;</c>, in the data.</summary>
    DeleteValues,

    /// <summary><c>**DeleteKeys</c>: delete the subkeys listed, separated by <c>;</c>, in the data.</summary>
    DeleteKeys,

    /// <summary><c>**SecureKey</c>: data DWORD 1 secures the key (administrators and system full control, users read), 0 resets it to the root's access.</summary>
    SecureKey,

    /// <summary><c>**soft.&lt;name&gt;</c>: set the value named after the prefix only if it does not exist yet.</summary>
    SoftValue,

    /// <summary>
    /// A value name starting with <c>**</c> that is none of the codes above. Windows' policy downloaders skip a control code
    /// they do not know rather than set a value of that name, so it is reported as what it is and not as a <see cref="SetValue"/>.
    /// </summary>
    UnknownDirective,
}
