using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Security.Principal;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.PrivilegedAccess;
using Ids = AzureLocalSecurity.Evidence.PrivilegedAccessEvidenceIds;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// Reads the privileged-access facts raw (<see cref="PrivilegedAccessEvidenceIds"/>): the members of the privileged local
/// groups found by well-known SID, the node's domain SIDs, the WinRM, Remote Desktop and LAPS registry keys, the WinRM plugin
/// keys, and the text of the .pssc and .psrc files of the JEA endpoints. Decides nothing.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsPrivilegedAccessCollector : IEvidenceCollector
{
    private const string GroupSource = "netapi32!NetLocalGroupGetMembers level 2 (group named by LookupAccountSidW from its well-known SID)";
    private const string DomainSource = "advapi32!LsaQueryInformationPolicy (PolicyAccountDomainInformation, PolicyPrimaryDomainInformation)";
    private const long MaxFileBytes = 1024 * 1024;

    /// <inheritdoc />
    public string Name => "WindowsPrivilegedAccess";

    /// <inheritdoc />
    public IEnumerable<EvidenceItem> Collect(CollectionContext context)
    {
        var now = (context ?? throw new ArgumentNullException(nameof(context))).Clock();
        var items = new List<EvidenceItem> { ReadGroups(now), ReadDomains(now) };
        foreach (var key in Ids.RegistryKeys)
        {
            items.Add(WindowsRegistryReader.ReadKey(key, now));
        }

        var plugins = items.First(i => i.Id == EvidenceIds.Registry(Ids.WsmanPluginKey));
        var files = new List<string>();
        foreach (var plugin in plugins.Registry?.SubKeys ?? [])
        {
            var item = WindowsRegistryReader.ReadKey(Ids.PluginKey(plugin), now);
            items.Add(item);
            if (item.Registry?.GetValue("ConfigXml")?.AsString() is { } xml
                && WsmanPluginConfig.TryParse(xml, out _)?.ConfigFilePath is { Length: > 0 } pssc)
            {
                files.Add(pssc);
            }
        }

        var capabilities = FindRoleCapabilities(out var listError);
        items.Add(listError is null
            ? EvidenceItem.ForRecords(Ids.RoleCapabilityFiles, "RoleCapabilities\\*.psrc in the module folders", now,
                capabilities.Select(p => new EvidenceRecord([new KeyValuePair<string, EvidenceValue>(Ids.Path, EvidenceValue.FromString(p))])))
            : EvidenceItem.ForError(Ids.RoleCapabilityFiles, EvidenceKind.Properties, "RoleCapabilities\\*.psrc in the module folders", now, listError));
        foreach (var path in files.Concat(capabilities).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            items.Add(ReadFile(path, now));
        }

        return items;
    }

    private static EvidenceItem ReadFile(string path, DateTimeOffset now)
    {
        var id = Ids.File(path);
        var source = "File " + path;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return EvidenceItem.ForError(id, EvidenceKind.Text, source, now, new EvidenceError(EvidenceErrorCategory.NotFound, $"{path} does not exist."));
            }

            if (info.Length > MaxFileBytes)
            {
                return EvidenceItem.ForError(id, EvidenceKind.Text, source, now, new EvidenceError(EvidenceErrorCategory.Failed, $"{path} is larger than {MaxFileBytes} bytes."));
            }

            return EvidenceItem.ForText(id, source, now, File.ReadAllText(path));
        }
        catch (UnauthorizedAccessException ex)
        {
            return EvidenceItem.ForError(id, EvidenceKind.Text, source, now, new EvidenceError(EvidenceErrorCategory.AccessDenied, ex.Message));
        }
        catch (IOException ex)
        {
            return EvidenceItem.ForError(id, EvidenceKind.Text, source, now, new EvidenceError(EvidenceErrorCategory.Failed, ex.Message, ex.HResult));
        }
    }

    private static List<string> FindRoleCapabilities(out EvidenceError? error)
    {
        error = null;
        var roots = new[]
        {
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ProgramFiles), "WindowsPowerShell", "Modules"),
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.System), "WindowsPowerShell", "v1.0", "Modules"),
        };
        var found = new List<string>();
        foreach (var root in roots.Where(Directory.Exists))
        {
            try
            {
                // A module folder holds RoleCapabilities directly or under a version folder.
                foreach (var folder in Directory.EnumerateDirectories(root, "RoleCapabilities", SearchOption.AllDirectories).Take(256))
                {
                    found.AddRange(Directory.EnumerateFiles(folder, "*.psrc", SearchOption.TopDirectoryOnly).Take(256));
                }
            }
            catch (UnauthorizedAccessException ex)
            {
                error = new EvidenceError(EvidenceErrorCategory.AccessDenied, ex.Message);
            }
            catch (IOException ex)
            {
                error = new EvidenceError(EvidenceErrorCategory.Failed, ex.Message, ex.HResult);
            }
        }

        return found;
    }

    private static EvidenceItem ReadDomains(DateTimeOffset now)
    {
        var attributes = default(Advapi32Lsa.LsaObjectAttributes);
        var status = Advapi32Lsa.LsaOpenPolicy(IntPtr.Zero, ref attributes, Advapi32Lsa.PolicyReadAccess, out var policy);
        using (policy)
        {
            if (status != 0)
            {
                return EvidenceItem.ForError(Ids.Domains, EvidenceKind.Properties, DomainSource, now, WindowsAccountReader.LsaError("LsaOpenPolicy", status));
            }

            var properties = new List<KeyValuePair<string, EvidenceValue>>();
            foreach (var (infoClass, sidName, nameName) in new[]
            {
                (Advapi32Lsa.PolicyAccountDomainInformation, Ids.AccountDomainSid, (string?)null),
                (Advapi32Lsa.PolicyPrimaryDomainInformation, Ids.PrimaryDomainSid, (string?)Ids.PrimaryDomainName),
            })
            {
                status = Advapi32Lsa.LsaQueryInformationPolicy(policy, infoClass, out var buffer);
                if (status != 0)
                {
                    return EvidenceItem.ForError(Ids.Domains, EvidenceKind.Properties, DomainSource, now, WindowsAccountReader.LsaError("LsaQueryInformationPolicy", status));
                }

                try
                {
                    // The SID and name point into the LSA buffer: copied before LsaFreeMemory.
                    var info = Marshal.PtrToStructure<Advapi32Lsa.PolicyAccountDomainInfo>(buffer);
                    if (info.DomainSid != IntPtr.Zero)
                    {
                        properties.Add(new(sidName, EvidenceValue.FromString(new SecurityIdentifier(info.DomainSid).Value)));
                        if (nameName is not null && info.DomainName.Buffer != IntPtr.Zero)
                        {
                            properties.Add(new(nameName, EvidenceValue.FromString(Marshal.PtrToStringUni(info.DomainName.Buffer, info.DomainName.Length / 2))));
                        }
                    }
                }
                finally
                {
                    _ = Advapi32Lsa.LsaFreeMemory(buffer);
                }
            }

            return EvidenceItem.ForRecords(Ids.Domains, DomainSource, now, [new EvidenceRecord(properties)]);
        }
    }

    private static EvidenceItem ReadGroups(DateTimeOffset now)
    {
        var records = new List<EvidenceRecord>();
        foreach (var groupSid in Ids.PrivilegedGroupSids)
        {
            records.Add(ReadGroup(groupSid));
        }

        return EvidenceItem.ForRecords(Ids.LocalGroupMembers, GroupSource, now, records);
    }

    private static EvidenceRecord ReadGroup(string groupSid)
    {
        var sidValue = new KeyValuePair<string, EvidenceValue>(Ids.GroupSid, EvidenceValue.FromString(groupSid));
        var sid = new SecurityIdentifier(groupSid);
        var bytes = new byte[sid.BinaryLength];
        sid.GetBinaryForm(bytes, 0);
        var name = LookupName(bytes, out var lookupError);
        if (name is null)
        {
            return Failure(sidValue, null, "LookupAccountSidW: " + new Win32Exception(lookupError).Message, lookupError);
        }

        var nameValue = new KeyValuePair<string, EvidenceValue>(Ids.GroupName, EvidenceValue.FromString(name));
        var sids = new List<string>();
        var names = new List<string>();
        var usages = new List<ulong>();
        var resume = UIntPtr.Zero;
        uint rc;
        do
        {
            rc = NetApi32.NetLocalGroupGetMembers(null, name, 2, out var buffer, NetApi32.MaxPreferredLength, out var read, out _, ref resume);
            if (rc != NetApi32.NerrSuccess && rc != NetApi32.ErrorMoreData)
            {
                return Failure(sidValue, nameValue, $"NetLocalGroupGetMembers: {(rc is >= 2100 and <= 2999 ? "NERR " + rc : new Win32Exception(unchecked((int)rc)).Message)}", rc);
            }

            try
            {
                var size = Marshal.SizeOf<NetApi32.LocalGroupMembersInfo2>();
                for (var i = 0; i < (int)read; i++)
                {
                    var entry = Marshal.PtrToStructure<NetApi32.LocalGroupMembersInfo2>(IntPtr.Add(buffer, i * size));
                    sids.Add(new SecurityIdentifier(entry.Sid).Value);
                    names.Add(entry.DomainAndName == IntPtr.Zero ? string.Empty : Marshal.PtrToStringUni(entry.DomainAndName) ?? string.Empty);
                    usages.Add(unchecked((ulong)entry.SidUsage));
                }
            }
            finally
            {
                if (buffer != IntPtr.Zero)
                {
                    _ = NetApi32.NetApiBufferFree(buffer);
                }
            }
        }
        while (rc == NetApi32.ErrorMoreData);

        return new EvidenceRecord(
        [
            sidValue, nameValue,
            new(Ids.MemberSids, EvidenceValue.FromMultiString(sids)),
            new(Ids.MemberNames, EvidenceValue.FromMultiString(names)),
            new(Ids.MemberSidUsages, EvidenceValue.FromUInt64Array(usages)),
        ]);
    }

    private static EvidenceRecord Failure(KeyValuePair<string, EvidenceValue> sid, KeyValuePair<string, EvidenceValue>? name, string message, long code)
    {
        var list = new List<KeyValuePair<string, EvidenceValue>> { sid };
        if (name is { } n)
        {
            list.Add(n);
        }

        list.Add(new(Ids.Error, EvidenceValue.FromString(message)));
        list.Add(new(Ids.ErrorCode, EvidenceValue.FromInt64(code)));
        return new EvidenceRecord(list);
    }

    private static string? LookupName(byte[] sid, out int error)
    {
        uint nameLength = 0;
        uint domainLength = 0;
        if (!Advapi32Lsa.LookupAccountSidW(null, sid, null, ref nameLength, null, ref domainLength, out _))
        {
            error = Marshal.GetLastWin32Error();
            if (error != Advapi32Lsa.ErrorInsufficientBuffer)
            {
                return null;
            }
        }

        var name = new char[Math.Max(nameLength, 1)];
        var domain = new char[Math.Max(domainLength, 1)];
        nameLength = (uint)name.Length;
        domainLength = (uint)domain.Length;
        if (!Advapi32Lsa.LookupAccountSidW(null, sid, name, ref nameLength, domain, ref domainLength, out _))
        {
            error = Marshal.GetLastWin32Error();
            return null;
        }

        error = 0;
        return new string(name, 0, (int)Math.Min(nameLength, (uint)name.Length));
    }
}
