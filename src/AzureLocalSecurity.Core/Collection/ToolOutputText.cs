using System.Text;

namespace AzureLocalSecurity.Collection;

/// <summary>A tool's output bytes as text, as Windows tools write to a pipe (CiTool: UTF-16 or UTF-8). Pure.</summary>
internal static class ToolOutputText
{
    /// <summary>
    /// UTF-16 LE when the bytes start with its byte order mark or look like it (a NUL after each of the first two characters),
    /// UTF-8 otherwise (a UTF-8 byte order mark dropped); with the encoding's name.
    /// </summary>
    internal static (string Text, string Encoding) Decode(byte[] bytes)
    {
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return (Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2), "utf-16le");
        }

        if (bytes.Length >= 4 && bytes[0] != 0 && bytes[1] == 0 && bytes[2] != 0 && bytes[3] == 0)
        {
            return (Encoding.Unicode.GetString(bytes), "utf-16le");
        }

        var skip = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return (new UTF8Encoding(false, false).GetString(bytes, skip, bytes.Length - skip), "utf-8");
    }
}
