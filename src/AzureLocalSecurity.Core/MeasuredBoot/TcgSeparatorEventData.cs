using System.Globalization;

namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>
/// EV_SEPARATOR data: a 32-bit value (firmware writes 0x00000000), or the ASCII "WBCL" with which Windows closes PCRs
/// 12, 13 and 14.
/// </summary>
public sealed class TcgSeparatorEventData : TcgEventData
{
    private readonly string _preview;

    internal TcgSeparatorEventData(uint? value, bool isWbcl, string preview)
    {
        Value = value;
        IsWbcl = isWbcl;
        _preview = preview;
    }

    /// <summary>The data as a little-endian UINT32, when it is 4 bytes.</summary>
    public uint? Value { get; }

    /// <summary>Whether the data is the ASCII "WBCL" (Windows Boot Configuration Log).</summary>
    public bool IsWbcl { get; }

    /// <inheritdoc />
    public override string Summary => IsWbcl ? "WBCL" : Value is { } v ? "0x" + v.ToString("X8", CultureInfo.InvariantCulture) : _preview;
}
