using System;

namespace AzureLocalSecurity;

/// <summary>ObjectDisposedException.ThrowIf where the runtime has it (net8.0), the same throw where it does not (net472).</summary>
internal static class DisposedGuard
{
    internal static void ThrowIf(bool disposed, object instance)
    {
#if NET8_0_OR_GREATER
        ObjectDisposedException.ThrowIf(disposed, instance);
#else
        if (disposed)
        {
            throw new ObjectDisposedException(instance.GetType().FullName);
        }
#endif
    }
}
