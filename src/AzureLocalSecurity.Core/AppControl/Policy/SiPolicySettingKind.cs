using System.Diagnostics.CodeAnalysis;

namespace AzureLocalSecurity.AppControl.Policy;

/// <summary>
/// The type of a <c>Setting</c>'s value: the element inside <c>Value</c> in the XML, and the type number a compiled policy
/// stores (WDACTools CIPolicyParser.psm1: 0 Boolean, 1 DWord, 2 Binary, 3 String).
/// </summary>
public enum SiPolicySettingKind
{
    /// <summary><c>&lt;Boolean&gt;</c>: the value is a <see cref="bool"/>.</summary>
    Boolean = 0,

    /// <summary><c>&lt;DWord&gt;</c>: the value is a <see cref="uint"/>.</summary>
    DWord = 1,

    /// <summary><c>&lt;Binary&gt;</c>: the value is a hex string.</summary>
    Binary = 2,

    /// <summary><c>&lt;String&gt;</c>: the value is a <see cref="string"/>.</summary>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The schema's element name.")]
    String = 3,
}
