using System;

namespace AzureLocalSecurity.AppControl.Policy;

/// <summary>GUIDs as policy XML writes them (upper case, in braces) and as the XML may hold them.</summary>
internal static class SiPolicyGuids
{
    internal static string Format(Guid guid) => "{" + guid.ToString("D").ToUpperInvariant() + "}";

    /// <summary>A GUID with or without braces (the schema's pattern has braces; Microsoft's tools write them).</summary>
    internal static bool TryParse(string? text, out Guid guid)
    {
        guid = Guid.Empty;
        if (text is null)
        {
            return false;
        }

        return Guid.TryParseExact(text, "B", out guid) || Guid.TryParseExact(text, "D", out guid);
    }
}
