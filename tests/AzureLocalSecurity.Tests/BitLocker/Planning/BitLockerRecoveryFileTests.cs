using AzureLocalSecurity.BitLocker.Planning;
using Xunit;

namespace AzureLocalSecurity.Tests.BitLocker.Planning;

public class BitLockerRecoveryFileTests
{
    [Fact]
    public void Documented_password_shape_is_well_formed()
    {
        Assert.True(BitLockerRecoveryFile.IsWellFormedPassword(FakeBitLockerExecutor.Password.ToCharArray()));
    }

    [Fact]
    public void Group_not_divisible_by_eleven_is_not_well_formed()
    {
        Assert.False(BitLockerRecoveryFile.IsWellFormedPassword("121122-242242-363363-484484-605605-110110-231231-352352".ToCharArray()));
    }

    [Fact]
    public void Group_above_720885_is_not_well_formed()
    {
        Assert.False(BitLockerRecoveryFile.IsWellFormedPassword("720896-242242-363363-484484-605605-110110-231231-352352".ToCharArray()));
    }

    [Fact]
    public void Content_differing_in_one_character_does_not_match()
    {
        var a = "Recovery password: 121121".ToCharArray();
        var b = "Recovery password: 121122".ToCharArray();

        Assert.False(BitLockerRecoveryFile.Matches(a, b));
        Assert.True(BitLockerRecoveryFile.Matches(a, (char[])a.Clone()));
    }

    [Fact]
    public void File_name_replaces_path_characters_of_a_csv_mount_point()
    {
        var name = BitLockerRecoveryFile.FileName(RecordedVolumes.CsvDecrypted(), "{AB-CD}");

        Assert.Equal("BitLocker-NODE1-C__ClusterStorage_UserStorage_1-AB-CD.txt", name);
    }

    [Fact]
    public void Acl_spec_allows_only_administrators_and_system_protected_from_inheritance()
    {
        Assert.True(BitLockerBackupFileAcl.Matches(["S-1-5-32-544", "S-1-5-18"], hasOtherEntries: false, isProtected: true));
        Assert.False(BitLockerBackupFileAcl.Matches(["S-1-5-32-544", "S-1-5-18", "S-1-5-11"], hasOtherEntries: false, isProtected: true));
        Assert.False(BitLockerBackupFileAcl.Matches(["S-1-5-32-544", "S-1-5-18"], hasOtherEntries: false, isProtected: false));
    }
}
