using System;
using System.Collections.Generic;
using System.Globalization;
using AzureLocalSecurity.SecureBoot;

namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>
/// UEFI_VARIABLE_DATA (PFP §10.4.3.2): the variable's vendor GUID, its name and its data. The data of
/// EV_EFI_VARIABLE_DRIVER_CONFIG, EV_EFI_VARIABLE_BOOT(2), EV_EFI_VARIABLE_AUTHORITY and the SPDM policy events. The Secure
/// Boot policy variables (SecureBoot, PK, KEK under EFI_GLOBAL_VARIABLE; db, dbx, dbt, dbr under
/// EFI_IMAGE_SECURITY_DATABASE_GUID) are recognised by name and GUID together; BootOrder and Boot#### are decoded.
/// </summary>
public sealed class TcgEfiVariableEventData : TcgEventData
{
    private readonly byte[] _log;
    private readonly int _dataOffset;

    internal TcgEfiVariableEventData(Guid vendorGuid, string variableName, byte[] log, int dataOffset, int dataLength)
    {
        VendorGuid = vendorGuid;
        VariableName = variableName;
        _log = log;
        _dataOffset = dataOffset;
        DataLength = dataLength;
        VendorName = EfiGuids.VendorName(vendorGuid);
        IsSecureBootPolicy = EfiGuids.IsSecureBootPolicy(vendorGuid, variableName);
    }

    /// <summary>The variable's vendor GUID.</summary>
    public Guid VendorGuid { get; }

    /// <summary>The vendor GUID's specification name (EFI_GLOBAL_VARIABLE, EFI_IMAGE_SECURITY_DATABASE_GUID, SHIM_LOCK_GUID), or null.</summary>
    public string? VendorName { get; }

    /// <summary>The variable's name.</summary>
    public string VariableName { get; }

    /// <summary>Whether this is a Secure Boot policy variable: SecureBoot, PK or KEK of EFI_GLOBAL_VARIABLE, or db, dbx, dbt or dbr of the image security database.</summary>
    public bool IsSecureBootPolicy { get; }

    /// <summary>The size of the variable's data in bytes.</summary>
    public int DataLength { get; }

    /// <summary>BootOrder's entries as Boot#### names (null for other variables).</summary>
    public IReadOnlyList<string>? BootOrder { get; internal set; }

    /// <summary>A Boot#### load option's description (null for other variables or when it does not decode).</summary>
    public string? BootOptionDescription { get; internal set; }

    /// <summary>A Boot#### load option's device path as text.</summary>
    public string? BootOptionDevicePath { get; internal set; }

    /// <summary>The variable's data (a copy).</summary>
    public byte[] GetVariableData() => SecureBootBytes.Copy(_log, _dataOffset, DataLength);

    /// <inheritdoc />
    public override string Summary
    {
        get
        {
            if (BootOrder is not null)
            {
                return VariableName + ": " + (BootOrder.Count == 0 ? "(empty)" : string.Join(", ", BootOrder));
            }

            if (BootOptionDescription is not null)
            {
                return VariableName + ": " + TcgBytes.OneLine(BootOptionDescription) + (string.IsNullOrEmpty(BootOptionDevicePath) ? string.Empty : " (" + BootOptionDevicePath + ")");
            }

            var vendor = VendorName ?? TcgBytes.Guid(VendorGuid);
            if (DataLength <= 4)
            {
                return string.Format(CultureInfo.InvariantCulture, "{0} ({1}) = {2}", TcgBytes.OneLine(VariableName), vendor, DataLength == 0 ? "(empty)" : SecureBootBytes.Hex(_log, _dataOffset, DataLength));
            }

            return string.Format(CultureInfo.InvariantCulture, "{0} ({1}), {2} bytes", TcgBytes.OneLine(VariableName), vendor, DataLength);
        }
    }
}
