using System.Globalization;

namespace AzureLocalSecurity.BitLocker;

/// <summary>What a Win32_EncryptableVolume return code means: its name and a message a person can act on.</summary>
public sealed class FveErrorDescription
{
    internal FveErrorDescription(uint code, string name, string message, bool isKnown)
    {
        Code = code;
        Name = name;
        Message = message;
        IsKnown = isKnown;
    }

    /// <summary>The return code as the method gave it (an HRESULT, compared as uint as WINAPI.md §8.3 says).</summary>
    public uint Code { get; }

    /// <summary>The code's name, such as <c>FVE_E_LOCKED_VOLUME</c>; for a code not in the catalog, <c>HRESULT 0x....</c>.</summary>
    public string Name { get; }

    /// <summary>What happened and what to do about it.</summary>
    public string Message { get; }

    /// <summary>Whether the code is in the catalog.</summary>
    public bool IsKnown { get; }

    /// <summary>The code as eight hex digits, such as <c>0x80310000</c>.</summary>
    public string HexCode => "0x" + Code.ToString("X8", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override string ToString() => IsKnown ? $"{Name} ({HexCode}): {Message}" : Message;
}
