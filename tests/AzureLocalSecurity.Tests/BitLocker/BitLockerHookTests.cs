using Xunit;

namespace AzureLocalSecurity.Tests.BitLocker;

/// <summary>
/// The BitLocker cmdlets' test hooks are static in the module's assembly, which every engine session of the test process
/// shares: the classes that set them, and the classes that must see them unset, run one after another, never together.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BitLockerHookTests
{
    /// <summary>The collection's name.</summary>
    public const string Name = "BitLocker test hooks";
}
