namespace AzureLocalSecurity.Baseline.Facts;

/// <summary>The type of an actual value a baseline rule is evaluated against.</summary>
public enum FactValueKind
{
    /// <summary>The value does not exist (a registry value or key that is absent). The rule language writes it <c>null</c>.</summary>
    Absent,

    /// <summary>An integer: REG_DWORD, REG_QWORD, a policy number (minutes, days, counts) or a status code.</summary>
    Number,

    /// <summary>Text: REG_SZ, REG_EXPAND_SZ (unexpanded), an account name, a version.</summary>
    Text,

    /// <summary>An ordered list of strings: REG_MULTI_SZ.</summary>
    TextList,

    /// <summary>Raw bytes: REG_BINARY. The catalogs write binary values in base64.</summary>
    Binary,

    /// <summary>The accounts that hold a user right, as SID strings (<c>S-1-5-32-544</c>); empty when no account holds it.</summary>
    SidList,

    /// <summary>An account-policy string of <c>Key:Value</c> pairs, such as the account lockout policy.</summary>
    KeyValues,
}
