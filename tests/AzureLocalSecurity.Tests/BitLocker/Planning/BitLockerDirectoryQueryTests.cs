using System;
using AzureLocalSecurity.BitLocker.Planning;
using Xunit;

namespace AzureLocalSecurity.Tests.BitLocker.Planning;

public sealed class BitLockerDirectoryQueryTests
{
    [Fact]
    public void The_filter_matches_the_protector_guid_in_its_binary_layout_byte_by_byte()
    {
        // Data1..Data3 are little-endian in the binary layout; Data4 keeps its order.
        var filter = BitLockerDirectoryQuery.Filter(new Guid("{01234567-89AB-CDEF-0011-223344556677}"));

        Assert.Equal(@"(&(objectClass=msFVE-RecoveryInformation)(msFVE-RecoveryGuid=\67\45\23\01\ab\89\ef\cd\00\11\22\33\44\55\66\77))", filter);
    }
}
