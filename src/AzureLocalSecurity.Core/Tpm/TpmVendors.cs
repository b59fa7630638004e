using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace AzureLocalSecurity.Tpm;

/// <summary>
/// Who made the TPM: the TCG TPM Vendor ID Registry, which gives each TPM vendor the four ASCII characters its TPM
/// reports as TPM_PT_MANUFACTURER (and the TPM 1.2 vendor capability).
/// </summary>
/// <remarks>
/// The entries of the TCG TPM Vendor ID Registry (family 1.2 and 2.0), as tpm2-tools and other users of the registry
/// copy them. A vendor added to the registry later is not an error: <see cref="CompanyName"/> returns null and the id
/// is still shown.
/// </remarks>
public static class TpmVendors
{
    // Keyed by the id with its trailing spaces and NULs trimmed ("STM " is "STM"); the registry's ids are case-sensitive.
    private static readonly Dictionary<string, string> Companies = new(StringComparer.Ordinal)
    {
        ["AMD"] = "AMD",
        ["ATML"] = "Atmel",
        ["BRCM"] = "Broadcom",
        ["CSCO"] = "Cisco",
        ["FLYS"] = "Flyslice Technologies",
        ["GOOG"] = "Google",
        ["HISI"] = "Huawei",
        ["HPE"] = "HPE",
        ["IBM"] = "IBM",
        ["IFX"] = "Infineon",
        ["INTC"] = "Intel",
        ["LEN"] = "Lenovo",
        ["MSFT"] = "Microsoft",
        ["NSM"] = "National Semiconductor",
        ["NTC"] = "Nuvoton Technology",
        ["NTZ"] = "Nationz",
        ["QCOM"] = "Qualcomm",
        ["ROCC"] = "Fuzhou Rockchip",
        ["SMSC"] = "SMSC",
        ["SMSN"] = "Samsung",
        ["SNS"] = "Sinosun",
        ["STM"] = "STMicroelectronics",
        ["TXN"] = "Texas Instruments",
        ["WEC"] = "Winbond",
    };

    /// <summary>
    /// The TPM_PT_MANUFACTURER value as text: its four bytes, most significant first, read as ASCII (0x49465800 is
    /// <c>IFX</c>), with trailing NULs and spaces trimmed. A byte that is not printable ASCII, and the backslash, are shown
    /// as <c>\xNN</c> so the text says exactly what the TPM sent.
    /// </summary>
    public static string ManufacturerId(uint value)
    {
        var bytes = new[] { (byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value };
        var length = bytes.Length;
        while (length > 0 && (bytes[length - 1] == 0x00 || bytes[length - 1] == 0x20))
        {
            length--;
        }

        var text = new StringBuilder(length * 4);
        for (var i = 0; i < length; i++)
        {
            var b = bytes[i];
            if (b >= 0x20 && b <= 0x7E && b != (byte)'\\')
            {
                text.Append((char)b);
            }
            else
            {
                text.Append("\\x").Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// The company the registry gives an id to (<c>IFX</c> is Infineon, <c>NTC</c> Nuvoton Technology, <c>INTC</c> Intel);
    /// null for an id the registry does not list. The match is exact, on the id as <see cref="ManufacturerId"/> gives it.
    /// </summary>
    public static string? CompanyName(string manufacturerId)
    {
        if (manufacturerId is null)
        {
            return null;
        }

        return Companies.TryGetValue(manufacturerId, out var company) ? company : null;
    }
}
