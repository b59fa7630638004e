using System;
using System.Globalization;

namespace AzureLocalSecurity.SecureBoot;

/// <summary>
/// EFI_TIME (UEFI 2.10 §8.3, 16 bytes little-endian): Year u16, Month, Day, Hour, Minute, Second, Pad1 u8, Nanosecond
/// u32, TimeZone i16, Daylight u8, Pad2 u8. Every field is kept as read; <see cref="ToDateTime"/> says whether they form
/// a date.
/// </summary>
public sealed class EfiTime
{
    /// <summary>The size of EFI_TIME in bytes.</summary>
    public const int Size = 16;

    /// <summary>TimeZone value meaning the time is local time of no stated offset (EFI_UNSPECIFIED_TIMEZONE).</summary>
    public const short UnspecifiedTimeZone = 0x07FF;

    private EfiTime(byte[] data, int offset)
    {
        Year = (ushort)(data[offset] | (data[offset + 1] << 8));
        Month = data[offset + 2];
        Day = data[offset + 3];
        Hour = data[offset + 4];
        Minute = data[offset + 5];
        Second = data[offset + 6];
        Pad1 = data[offset + 7];
        Nanosecond = (uint)(data[offset + 8] | (data[offset + 9] << 8) | (data[offset + 10] << 16) | (data[offset + 11] << 24));
        TimeZone = (short)(data[offset + 12] | (data[offset + 13] << 8));
        Daylight = data[offset + 14];
        Pad2 = data[offset + 15];
    }

    /// <summary>1900–9999 in a valid time.</summary>
    public ushort Year { get; }

    /// <summary>1–12.</summary>
    public byte Month { get; }

    /// <summary>1–31.</summary>
    public byte Day { get; }

    /// <summary>0–23.</summary>
    public byte Hour { get; }

    /// <summary>0–59.</summary>
    public byte Minute { get; }

    /// <summary>0–59.</summary>
    public byte Second { get; }

    /// <summary>Padding; zero in a timestamp of a time-based authenticated write (UEFI 2.10 §8.2.2).</summary>
    public byte Pad1 { get; }

    /// <summary>0–999,999,999.</summary>
    public uint Nanosecond { get; }

    /// <summary>The offset from UTC in minutes (−1440 to 1440), or <see cref="UnspecifiedTimeZone"/>.</summary>
    public short TimeZone { get; }

    /// <summary>The EFI_TIME_ADJUST_DAYLIGHT (1) and EFI_TIME_IN_DAYLIGHT (2) bits.</summary>
    public byte Daylight { get; }

    /// <summary>Padding.</summary>
    public byte Pad2 { get; }

    /// <summary>
    /// The date and time the fields give, or null when they do not form one. The kind is UTC when TimeZone is 0 (as UEFI
    /// requires of authenticated-variable timestamps) and Unspecified otherwise; the offset is not applied.
    /// </summary>
    public DateTime? ToDateTime()
    {
        if (Year < 1 || Year > 9999 || Month < 1 || Month > 12)
        {
            return null;
        }

        if (Day < 1 || Day > DateTime.DaysInMonth(Year, Month) || Hour > 23 || Minute > 59 || Second > 59 || Nanosecond > 999_999_999)
        {
            return null;
        }

        var kind = TimeZone == 0 ? DateTimeKind.Utc : DateTimeKind.Unspecified;
        return new DateTime(Year, Month, Day, Hour, Minute, Second, kind).AddTicks(Nanosecond / 100);
    }

    /// <inheritdoc />
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "{0:D4}-{1:D2}-{2:D2} {3:D2}:{4:D2}:{5:D2}{6}",
        Year,
        Month,
        Day,
        Hour,
        Minute,
        Second,
        TimeZone == 0 ? "Z" : TimeZone == UnspecifiedTimeZone ? string.Empty : " (TimeZone " + TimeZone.ToString(CultureInfo.InvariantCulture) + ")");

    /// <summary>Reads 16 bytes at <paramref name="offset"/>; the caller has checked they are there.</summary>
    internal static EfiTime Read(byte[] data, int offset) => new(data, offset);
}
