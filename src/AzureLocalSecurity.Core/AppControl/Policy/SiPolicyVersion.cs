using System;
using System.Globalization;

namespace AzureLocalSecurity.AppControl.Policy;

/// <summary>
/// A policy or file version as App Control writes it: four dotted numbers of 0 to 65535 (major.minor.build.revision). A
/// compiled policy stores it as four little-endian u16 in the order revision, build, minor, major (WDACTools
/// CIPolicyParser.psm1), which is the u64 <c>major &lt;&lt; 48 | minor &lt;&lt; 32 | build &lt;&lt; 16 | revision</c>.
/// </summary>
public readonly struct SiPolicyVersion : IEquatable<SiPolicyVersion>
{
    /// <summary>Creates a version.</summary>
    public SiPolicyVersion(ushort major, ushort minor, ushort build, ushort revision)
    {
        Major = major;
        Minor = minor;
        Build = build;
        Revision = revision;
    }

    /// <summary>0.0.0.0.</summary>
    public static SiPolicyVersion Zero => default;

    /// <summary>65535.65535.65535.65535.</summary>
    public static SiPolicyVersion Max => new(ushort.MaxValue, ushort.MaxValue, ushort.MaxValue, ushort.MaxValue);

    /// <summary>The first number.</summary>
    public ushort Major { get; }

    /// <summary>The second number.</summary>
    public ushort Minor { get; }

    /// <summary>The third number.</summary>
    public ushort Build { get; }

    /// <summary>The fourth number.</summary>
    public ushort Revision { get; }

    /// <summary>The version as the u64 a compiled policy stores.</summary>
    public ulong ToUInt64() => ((ulong)Major << 48) | ((ulong)Minor << 32) | ((ulong)Build << 16) | Revision;

    /// <summary>The version a compiled policy's u64 holds.</summary>
    public static SiPolicyVersion FromUInt64(ulong value) =>
        new((ushort)(value >> 48), (ushort)(value >> 32), (ushort)(value >> 16), (ushort)value);

    /// <summary>Reads four dotted decimal numbers of 0 to 65535 (no sign, no space, 1 to 5 digits each).</summary>
    public static bool TryParse(string? text, out SiPolicyVersion version)
    {
        version = default;
        if (text is null)
        {
            return false;
        }

        var parts = text.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }

        var numbers = new ushort[4];
        for (var i = 0; i < 4; i++)
        {
            var part = parts[i];
            if (part.Length is 0 or > 5)
            {
                return false;
            }

            foreach (var c in part)
            {
                if (c is < '0' or > '9')
                {
                    return false;
                }
            }

            var value = int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture);
            if (value > ushort.MaxValue)
            {
                return false;
            }

            numbers[i] = (ushort)value;
        }

        version = new SiPolicyVersion(numbers[0], numbers[1], numbers[2], numbers[3]);
        return true;
    }

    /// <summary>Reads four dotted decimal numbers of 0 to 65535.</summary>
    /// <exception cref="FormatException">The text is not such a version.</exception>
    public static SiPolicyVersion Parse(string text) =>
        TryParse(text, out var version) ? version : throw new FormatException($"'{text}' is not a version of four numbers from 0 to 65535.");

    /// <inheritdoc />
    public bool Equals(SiPolicyVersion other) => ToUInt64() == other.ToUInt64();

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SiPolicyVersion other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => ToUInt64().GetHashCode();

    /// <summary>Whether two versions are the same.</summary>
    public static bool operator ==(SiPolicyVersion left, SiPolicyVersion right) => left.Equals(right);

    /// <summary>Whether two versions differ.</summary>
    public static bool operator !=(SiPolicyVersion left, SiPolicyVersion right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0}.{1}.{2}.{3}", Major, Minor, Build, Revision);
}
