using System;
using System.Globalization;
using System.Text;

namespace AzureLocalSecurity.BitLocker.Planning;

/// <summary>
/// The recovery password backup file: its name and its content, built and compared as <see cref="char"/> arrays so the
/// password never becomes a string. The caller clears every array it gets.
/// </summary>
public static class BitLockerRecoveryFile
{
    /// <summary>The file name for a protector: <c>BitLocker-&lt;computer&gt;-&lt;volume&gt;-&lt;protector GUID&gt;.txt</c>, with anything unsafe in a name replaced by <c>_</c>.</summary>
    public static string FileName(BitLockerVolume volume, string protectorId)
    {
        if (volume is null)
        {
            throw new ArgumentNullException(nameof(volume));
        }

        if (protectorId is null)
        {
            throw new ArgumentNullException(nameof(protectorId));
        }

        return string.Format(CultureInfo.InvariantCulture, "BitLocker-{0}-{1}-{2}.txt", Safe(volume.ComputerName), Safe(volume.MountPoint), Safe(protectorId.Trim('{', '}')));
    }

    /// <summary>The file's content: a header naming computer, volume and protector, then the password line. The caller clears the result.</summary>
    public static char[] Format(BitLockerVolume volume, string protectorId, char[] password)
    {
        if (volume is null)
        {
            throw new ArgumentNullException(nameof(volume));
        }

        if (password is null)
        {
            throw new ArgumentNullException(nameof(password));
        }

        var header = new StringBuilder()
            .Append("BitLocker recovery password (written by AzureLocalSecurity)\r\n")
            .Append("Computer: ").Append(volume.ComputerName).Append("\r\n")
            .Append("Volume: ").Append(volume.MountPoint).Append("\r\n")
            .Append("DeviceID: ").Append(volume.DeviceId).Append("\r\n")
            .Append("Key protector ID: ").Append(protectorId).Append("\r\n")
            .Append("Recovery password: ")
            .ToString();
        var content = new char[header.Length + password.Length + 2];
        header.CopyTo(0, content, 0, header.Length);
        Array.Copy(password, 0, content, header.Length, password.Length);
        content[content.Length - 2] = '\r';
        content[content.Length - 1] = '\n';
        return content;
    }

    /// <summary>Whether what was read back is exactly what was written; compares every character whatever the first difference.</summary>
    public static bool Matches(char[]? expected, char[]? actual)
    {
        if (expected is null || actual is null || expected.Length != actual.Length)
        {
            return false;
        }

        var difference = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            difference |= expected[i] ^ actual[i];
        }

        return difference == 0;
    }

    /// <summary>
    /// Whether <paramref name="password"/> has the documented recovery password shape: 8 groups of 6 digits separated by
    /// hyphens, each group divisible by 11 and at most 720885 (WINAPI.md §8.3). Reads the array; makes no string of it.
    /// </summary>
    public static bool IsWellFormedPassword(char[]? password)
    {
        if (password is null || password.Length != 55)
        {
            return false;
        }

        for (var group = 0; group < 8; group++)
        {
            var value = 0;
            for (var i = 0; i < 6; i++)
            {
                var c = password[(group * 7) + i];
                if (c < '0' || c > '9')
                {
                    return false;
                }

                value = (value * 10) + (c - '0');
            }

            if (value % 11 != 0 || value > 720885 || (group < 7 && password[(group * 7) + 6] != '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static string Safe(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsLetterOrDigit(c) || c == '-' || c == '.' ? c : '_');
        }

        return builder.ToString().Trim('_');
    }
}
