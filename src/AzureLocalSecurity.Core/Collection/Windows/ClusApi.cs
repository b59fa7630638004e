using System;
using System.Runtime.InteropServices;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// P/Invoke declarations for clusapi.dll (Failover Clustering), checked against Microsoft's clusapi.h pages
/// (MicrosoftDocs/sdk-api <c>sdk-api-src/content/clusapi/</c>): OpenCluster, OpenClusterResource, ClusterResourceControl,
/// CloseClusterResource, CloseCluster. clusapi.dll exists only where the Failover Clustering feature (or its tools) is
/// installed; a missing DLL surfaces as <see cref="DllNotFoundException"/>, which the caller turns into a return code.
/// </summary>
internal static class ClusApi
{
    /// <summary>
    /// CLUSCTL_RESOURCE_SET_CSV_MAINTENANCE_MODE = (CLUS_OBJECT_RESOURCE &lt;&lt; 24) | CLCTL_SET_CSV_MAINTENANCE_MODE
    /// = 0x01000000 | 0x00400296 = 0x01400296 (20972182). The control-code page's remark quotes 0x00400296, which is the
    /// CLCTL_ part alone; clusapi.h's CLUSCTL_RESOURCE_CODES enumeration (and Microsoft's win32metadata, which lists
    /// 20972182) OR in the object type.
    /// </summary>
    internal const uint ClusctlResourceSetCsvMaintenanceMode = 0x01400296;

    /// <summary>
    /// <c>HCLUSTER OpenCluster(LPCWSTR lpszClusterName)</c>: NULL name opens the local cluster. NULL on failure, with
    /// GetLastError. Closed with <see cref="CloseCluster"/>.
    /// </summary>
    [DllImport("clusapi.dll", CharSet = CharSet.Unicode, ExactSpelling = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern IntPtr OpenCluster(string? lpszClusterName);

    /// <summary>
    /// <c>HRESOURCE OpenClusterResource(HCLUSTER hCluster, LPCWSTR lpszResourceName)</c>: the resource by its name
    /// (e.g. "Cluster Virtual Disk (Volume1)"). NULL on failure, with GetLastError. Closed with
    /// <see cref="CloseClusterResource"/>.
    /// </summary>
    [DllImport("clusapi.dll", CharSet = CharSet.Unicode, ExactSpelling = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern IntPtr OpenClusterResource(IntPtr hCluster, string lpszResourceName);

    /// <summary>
    /// <c>DWORD ClusterResourceControl(HRESOURCE hResource, HNODE hHostNode, DWORD dwControlCode, LPVOID lpInBuffer,
    /// DWORD cbInBufferSize, LPVOID lpOutBuffer, DWORD cbOutBufferSize, LPDWORD lpBytesReturned)</c>: returns a Win32
    /// error code (ERROR_SUCCESS 0), not a BOOL. hHostNode NULL: the node owning the resource performs the operation.
    /// </summary>
    [DllImport("clusapi.dll", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern uint ClusterResourceControl(IntPtr hResource, IntPtr hHostNode, uint dwControlCode, byte[] lpInBuffer, uint cbInBufferSize, IntPtr lpOutBuffer, uint cbOutBufferSize, out uint lpBytesReturned);

    /// <summary><c>BOOL CloseClusterResource(HRESOURCE hResource)</c>.</summary>
    [DllImport("clusapi.dll", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static extern bool CloseClusterResource(IntPtr hResource);

    /// <summary><c>BOOL CloseCluster(HCLUSTER hCluster)</c>.</summary>
    [DllImport("clusapi.dll", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static extern bool CloseCluster(IntPtr hCluster);
}
