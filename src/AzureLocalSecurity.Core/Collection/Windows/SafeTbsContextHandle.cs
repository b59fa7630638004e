using System.Runtime.Versioning;
using Microsoft.Win32.SafeHandles;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// A TBS context (TBS_HCONTEXT, a PVOID: tbs.h, WINAPI.md §2 and §0 rule 5), closed exactly once with
/// <see cref="Tbs.Tbsip_Context_Close"/> (§0 rule 7). Zero is no context.
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed class SafeTbsContextHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    /// <summary>Creates an empty handle; the marshaller fills it from Tbsi_Context_Create's out parameter.</summary>
    public SafeTbsContextHandle()
        : base(ownsHandle: true)
    {
    }

    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        // The result is TBS_SUCCESS, TBS_E_INTERNAL_ERROR or TBS_E_INVALID_CONTEXT; none can be acted on here, and the
        // handle is not used again either way (the docs say TBS zeroes the context's structure on close).
        return Tbs.Tbsip_Context_Close(handle) == Tbs.TbsSuccess;
    }
}
