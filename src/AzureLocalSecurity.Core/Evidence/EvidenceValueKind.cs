namespace AzureLocalSecurity.Evidence;

/// <summary>
/// The type of a raw value. The registry kinds keep the registry's own type (a REG_DWORD stays a DWord,
/// a REG_EXPAND_SZ stays unexpanded); the others carry API and CIM values without conversion.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The kinds are named for the data types they carry; that is what a reader of a bundle expects.")]
public enum EvidenceValueKind
{
    /// <summary>No value (a CIM property that was null).</summary>
    Null,

    /// <summary>REG_SZ, or any text value.</summary>
    String,

    /// <summary>REG_EXPAND_SZ, kept unexpanded.</summary>
    ExpandString,

    /// <summary>REG_MULTI_SZ, or any array of strings.</summary>
    MultiString,

    /// <summary>REG_BINARY / REG_NONE, or any byte array.</summary>
    Binary,

    /// <summary>REG_DWORD, as the unsigned 32-bit number stored.</summary>
    DWord,

    /// <summary>REG_QWORD, as the unsigned 64-bit number stored.</summary>
    QWord,

    /// <summary>A boolean.</summary>
    Boolean,

    /// <summary>A signed integer (up to 64 bits).</summary>
    Int64,

    /// <summary>An unsigned integer (up to 64 bits).</summary>
    UInt64,

    /// <summary>An array of unsigned integers (CIM uint8/16/32/64 arrays other than bytes).</summary>
    UInt64Array,

    /// <summary>A point in time, kept in UTC.</summary>
    DateTime,
}
