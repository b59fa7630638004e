using System;
using System.Globalization;

namespace AzureLocalSecurity.AppControl.Policy;

/// <summary>xs:dateTime as SignTimeAfter holds it: <c>yyyy-MM-ddTHH:mm:ss</c>, an optional fraction, an optional zone (Z or
/// ±hh:mm). A time without a zone is taken as UTC.</summary>
internal static class SiPolicyDates
{
    /// <summary>The first time a FILETIME can hold.</summary>
    internal static readonly DateTime FileTimeEpoch = new(1601, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK";

    internal static bool TryParse(string? text, out DateTime utc) =>
        DateTime.TryParseExact(text, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out utc);

    internal static string Format(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
