using System;
using System.Collections.Generic;
using System.Runtime.Versioning;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Tpm.Transports;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// The TCG event logs of the current boot from TBS (<see cref="MeasuredBootEvidenceIds"/>), read with
/// Tbsi_Get_TCG_Log_Ex as WINAPI.md §2.4 says: a size probe with NULL that may answer TBS_SUCCESS or
/// TBS_E_INSUFFICIENT_BUFFER, a buffer of that size, and a retry while the log grows. TBS_E_NO_EVENT_LOG is "no log"
/// (NotFound; for DRTM: no dynamic launch), an older Windows without the function is NotSupported.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsMeasuredBootCollector : IEvidenceCollector
{
    /// <summary>The largest log read; the parser refuses more anyway (TcgEventLogOptions.MaxInputLength).</summary>
    internal const uint MaxLogBytes = 64 * 1024 * 1024;

    private const int MaxTries = 4;

    /// <inheritdoc />
    public string Name => "WindowsMeasuredBoot";

    /// <inheritdoc />
    public IEnumerable<EvidenceItem> Collect(CollectionContext context)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        return
        [
            Read(context, MeasuredBootEvidenceIds.SrtmLog, Tbs.TcgLogSrtmCurrent, "Tbsi_Get_TCG_Log_Ex(TBS_TCGLOG_SRTM_CURRENT)"),
            Read(context, MeasuredBootEvidenceIds.DrtmLog, Tbs.TcgLogDrtmCurrent, "Tbsi_Get_TCG_Log_Ex(TBS_TCGLOG_DRTM_CURRENT)"),
        ];
    }

    private static EvidenceItem Read(CollectionContext context, string id, uint logType, string source)
    {
        try
        {
            for (var attempt = 0; attempt < MaxTries; attempt++)
            {
                uint size = 0;
                var rc = Tbs.Tbsi_Get_TCG_Log_Ex(logType, null, ref size);
                if (rc != Tbs.TbsSuccess && rc != Tbs.TbsEInsufficientBuffer)
                {
                    return Failure(context, id, source, rc);
                }

                if (size == 0)
                {
                    return EvidenceItem.ForError(id, EvidenceKind.Blob, source, context.Clock(), new EvidenceError(EvidenceErrorCategory.NotFound, source + " returned an empty log."));
                }

                if (size > MaxLogBytes)
                {
                    return EvidenceItem.ForError(id, EvidenceKind.Blob, source, context.Clock(), new EvidenceError(EvidenceErrorCategory.Failed, $"{source} reports a log of {size} bytes; at most {MaxLogBytes} are read."));
                }

                var buffer = new byte[size];
                var written = size;
                rc = Tbs.Tbsi_Get_TCG_Log_Ex(logType, buffer, ref written);
                if (rc == Tbs.TbsEInsufficientBuffer)
                {
                    // The log grew between the calls (a resume, a late measurement): ask again.
                    continue;
                }

                if (rc != Tbs.TbsSuccess)
                {
                    return Failure(context, id, source, rc);
                }

                if (written < buffer.Length)
                {
                    Array.Resize(ref buffer, (int)written);
                }

                return EvidenceItem.ForBlob(id, source, context.Clock(), buffer);
            }

            return EvidenceItem.ForError(id, EvidenceKind.Blob, source, context.Clock(), new EvidenceError(EvidenceErrorCategory.Failed, $"{source} kept growing across {MaxTries} reads."));
        }
        catch (EntryPointNotFoundException)
        {
            return EvidenceItem.ForError(id, EvidenceKind.Blob, source, context.Clock(), new EvidenceError(EvidenceErrorCategory.NotSupported, "Tbsi_Get_TCG_Log_Ex needs Windows 10 1803 or later; this Windows does not have it."));
        }
        catch (DllNotFoundException ex)
        {
            return EvidenceItem.ForError(id, EvidenceKind.Blob, source, context.Clock(), new EvidenceError(EvidenceErrorCategory.NotSupported, "tbs.dll could not be loaded: " + ex.Message));
        }
    }

    private static EvidenceItem Failure(CollectionContext context, string id, string source, uint rc)
    {
        var category = rc == Tbs.TbsENoEventLog || rc == Tbs.TbsETpmNotFound ? EvidenceErrorCategory.NotFound
            : rc == Tbs.TbsEAccessDenied ? EvidenceErrorCategory.AccessDenied
            : EvidenceErrorCategory.Failed;
        return EvidenceItem.ForError(id, EvidenceKind.Blob, source, context.Clock(),
            new EvidenceError(category, source + " failed: " + TbsTpmTransport.DescribeResult(rc) + ".", unchecked((long)rc)));
    }
}
