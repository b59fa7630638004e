using System;
using System.Collections.Generic;
using AzureLocalSecurity.Tpm.Marshalling;

namespace AzureLocalSecurity.Tpm;

/// <summary>
/// Marshals the TPM 2.0 commands this module sends (Library spec Part 3), big-endian with their headers. Commands that
/// need authorization carry one password session (TPM_RS_PW); the password is empty unless one is given.
/// </summary>
public static class TpmCommands
{
    /// <summary>TPM2_GetCapability(capability, property, propertyCount).</summary>
    public static byte[] GetCapability(uint capability, uint property, uint propertyCount) =>
        new TpmCommandWriter(TpmConstants.CcGetCapability).WriteUInt32(capability).WriteUInt32(property).WriteUInt32(propertyCount).ToArray();

    /// <summary>TPM2_PCR_Read(pcrSelectionIn).</summary>
    public static byte[] PcrRead(IReadOnlyList<TpmPcrSelection> selections) =>
        new TpmCommandWriter(TpmConstants.CcPcrRead).WritePcrSelections(selections ?? throw new ArgumentNullException(nameof(selections))).ToArray();

    /// <summary>TPM2_ReadPublic(objectHandle).</summary>
    public static byte[] ReadPublic(uint objectHandle) =>
        new TpmCommandWriter(TpmConstants.CcReadPublic).WriteUInt32(objectHandle).ToArray();

    /// <summary>TPM2_NV_ReadPublic(nvIndex).</summary>
    public static byte[] NvReadPublic(uint nvIndex) =>
        new TpmCommandWriter(TpmConstants.CcNvReadPublic).WriteUInt32(nvIndex).ToArray();

    /// <summary>TPM2_NV_Read(authHandle, nvIndex; size, offset) authorized by a password session.</summary>
    public static byte[] NvRead(uint authHandle, uint nvIndex, ushort size, ushort offset, byte[]? password = null) =>
        new TpmCommandWriter(TpmConstants.CcNvRead, sessions: true).WriteUInt32(authHandle).WriteUInt32(nvIndex)
            .WritePasswordSession(password ?? []).WriteUInt16(size).WriteUInt16(offset).ToArray();

    /// <summary>
    /// TPM2_CreatePrimary(primaryHandle; inSensitive empty, inPublic = <paramref name="publicTemplate"/> (a TPMT_PUBLIC),
    /// outsideInfo empty, creationPCR none) authorized by a password session for the hierarchy.
    /// </summary>
    public static byte[] CreatePrimary(uint hierarchy, byte[] publicTemplate, byte[]? hierarchyPassword = null)
    {
        if (publicTemplate is null)
        {
            throw new ArgumentNullException(nameof(publicTemplate));
        }

        return new TpmCommandWriter(TpmConstants.CcCreatePrimary, sessions: true).WriteUInt32(hierarchy)
            .WritePasswordSession(hierarchyPassword ?? [])
            .WriteUInt16(4).WriteUInt16(0).WriteUInt16(0)
            .WriteSized(publicTemplate)
            .WriteUInt16(0)
            .WriteUInt32(0)
            .ToArray();
    }

    /// <summary>TPM2_FlushContext(flushHandle).</summary>
    public static byte[] FlushContext(uint handle) =>
        new TpmCommandWriter(TpmConstants.CcFlushContext).WriteUInt32(handle).ToArray();

    /// <summary>TPM2_GetRandom(bytesRequested).</summary>
    public static byte[] GetRandom(ushort bytesRequested) =>
        new TpmCommandWriter(TpmConstants.CcGetRandom).WriteUInt16(bytesRequested).ToArray();

    /// <summary>
    /// TPM2_Quote(signHandle; qualifyingData, inScheme = TPM_ALG_NULL (the key's own scheme), PCRselect) authorized by a
    /// password session for the signing key.
    /// </summary>
    public static byte[] Quote(uint signHandle, byte[] qualifyingData, IReadOnlyList<TpmPcrSelection> selections, byte[]? keyPassword = null)
    {
        if (qualifyingData is null)
        {
            throw new ArgumentNullException(nameof(qualifyingData));
        }

        if (qualifyingData.Length > 64)
        {
            throw new ArgumentException("Qualifying data (TPM2B_DATA) holds at most 64 bytes.", nameof(qualifyingData));
        }

        return new TpmCommandWriter(TpmConstants.CcQuote, sessions: true).WriteUInt32(signHandle)
            .WritePasswordSession(keyPassword ?? [])
            .WriteSized(qualifyingData)
            .WriteUInt16(TpmConstants.AlgNull)
            .WritePcrSelections(selections ?? throw new ArgumentNullException(nameof(selections)))
            .ToArray();
    }
}
