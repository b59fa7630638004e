#if NETFRAMEWORK
namespace System.Runtime.Versioning;

/// <summary>
/// The net472 build has no SupportedOSPlatformAttribute; this internal copy lets the Windows-only
/// members carry the same marking in both builds (the platform analyzer reads it on net8.0).
/// </summary>
[AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Constructor | AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Struct, AllowMultiple = true, Inherited = false)]
internal sealed class SupportedOSPlatformAttribute : Attribute
{
    public SupportedOSPlatformAttribute(string platformName) => PlatformName = platformName;

    public string PlatformName { get; }
}
#endif
