using System;
using System.Text;

namespace AzureLocalSecurity.BitLocker.Planning;

/// <summary>
/// The input buffer of CLUSCTL_RESOURCE_SET_CSV_MAINTENANCE_MODE: <c>CLUS_CSV_MAINTENANCE_MODE_INFO { BOOL InMaintenance;
/// WCHAR VolumeName[MAX_PATH]; }</c> (clusapi.h; MS-CMRP 2.2.3.19): a 4-byte little-endian BOOL, then 520 bytes holding a
/// NUL-terminated UTF-16 volume name, 524 bytes in all. clusapi.h's page names the volume GUID path of the CSV; MS-CMRP
/// says the server also accepts the volume's friendly name. Pure, so the layout is tested off Windows.
/// </summary>
public static class CsvMaintenanceModeInfo
{
    /// <summary>MAX_PATH, the WCHAR length of VolumeName.</summary>
    public const int VolumeNameChars = 260;

    /// <summary>The structure's size in bytes: 4 + 2 × 260.</summary>
    public const int Size = 4 + (2 * VolumeNameChars);

    /// <summary>The buffer for <paramref name="volumeName"/>; the name and its NUL must fit 260 WCHARs.</summary>
    /// <exception cref="ArgumentException">The name is empty, holds a NUL, or is 260 characters or longer.</exception>
    public static byte[] Build(bool inMaintenance, string volumeName)
    {
        if (string.IsNullOrEmpty(volumeName) || volumeName.IndexOf('\0') >= 0)
        {
            throw new ArgumentException("The CSV's volume name is empty or holds a NUL character.", nameof(volumeName));
        }

        if (volumeName.Length >= VolumeNameChars)
        {
            throw new ArgumentException($"The CSV's volume name is {volumeName.Length} characters; CLUS_CSV_MAINTENANCE_MODE_INFO holds at most {VolumeNameChars - 1} and a NUL.", nameof(volumeName));
        }

        var buffer = new byte[Size];
        buffer[0] = inMaintenance ? (byte)1 : (byte)0;
        Encoding.Unicode.GetBytes(volumeName, 0, volumeName.Length, buffer, 4);
        return buffer;
    }
}
