#if NETFRAMEWORK
namespace System.Diagnostics.CodeAnalysis;

/// <summary>net472 lacks the nullable flow attributes; the compiler honours internal copies.</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
internal sealed class NotNullWhenAttribute : Attribute
{
    public NotNullWhenAttribute(bool returnValue) => ReturnValue = returnValue;

    public bool ReturnValue { get; }
}
#endif
