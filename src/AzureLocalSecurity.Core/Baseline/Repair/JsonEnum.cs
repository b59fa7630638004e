using System;

namespace AzureLocalSecurity.Baseline.Repair;

/// <summary>An enum member read back from the undo and snapshot JSON, which write members by name.</summary>
internal static class JsonEnum
{
    /// <summary>
    /// The member named exactly <paramref name="text"/> (case sensitive). Names only: Enum.TryParse would also take a
    /// number ("7"), a padded name or a comma list, none of which a writer produces.
    /// </summary>
    internal static bool TryParseName<TEnum>(string text, out TEnum value)
        where TEnum : struct
    {
        value = default;
        if (string.IsNullOrEmpty(text) || char.IsDigit(text[0]) || text[0] == '-' || text[0] == '+' || !Enum.TryParse(text, ignoreCase: false, out value))
        {
            return false;
        }

        return string.Equals(value.ToString(), text, StringComparison.Ordinal);
    }
}
