using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace AzureLocalSecurity.SecureBoot.Events;

/// <summary>
/// The events Windows writes to the System log, as provider Microsoft-Windows-TPM-WMI (Event Viewer shows the source as
/// TPM-WMI), when it services Secure Boot: db, dbx and KEK updates and the 2023 certificate rollover (KB5016061 "Secure
/// Boot DB and DBX variable update events"; KB5083344 for 1802 and 1803). An id whose meaning could not be confirmed from
/// Microsoft's documentation is listed by its number only, with no outcome: the module does not guess what it says.
/// </summary>
public static class SecureBootEventCatalog
{
    /// <summary>The provider's name, as an XPath query and the event XML's System/Provider/@Name need it.</summary>
    public const string ProviderName = "Microsoft-Windows-TPM-WMI";

    /// <summary>The provider's GUID, {7d5387b0-cbe0-11da-a94d-0800200c9a66}.</summary>
    public static readonly Guid ProviderGuid = new("7d5387b0-cbe0-11da-a94d-0800200c9a66");

    /// <summary>The event that says the device still needs the updated Secure Boot CA certificates and keys.</summary>
    public const int NeedsUpdateEventId = 1801;

    /// <summary>The event that says the device has the updated Secure Boot CA certificates and keys.</summary>
    public const int UpdatedEventId = 1808;

    private static readonly SecureBootEventInfo[] Events =
    [
        new(1032, SecureBootEventOutcome.Failure,
            "A Secure Boot update was not applied: with the current BitLocker configuration of the system drive, applying it would have sent the next start into BitLocker recovery.",
            "Suspend BitLocker on the system drive for two restarts (manage-bde -protectors -disable %systemdrive% -rebootcount 2), restart twice so that the update is applied, then make sure protection is back (manage-bde -protectors -enable %systemdrive%).",
            "KB5016061"),
        Unconfirmed(1033),
        new(1034, SecureBootEventOutcome.Success, "A dbx (revocation list) update was applied to the firmware.", null, "KB5016061"),
        Unconfirmed(1035),
        Unconfirmed(1036),
        Unconfirmed(1037),
        Unconfirmed(1042),
        Unconfirmed(1043),
        Unconfirmed(1044),
        Unconfirmed(1045),
        new(1795, SecureBootEventOutcome.Failure,
            "The firmware returned an error when Windows wrote a Secure Boot variable (db, dbx or KEK).",
            "Look for a firmware update from the device maker.",
            "KB5016061"),
        new(1796, SecureBootEventOutcome.Failure, "Windows met an unexpected error while updating a Secure Boot variable.", null, "KB5016061"),
        new(1797, SecureBootEventOutcome.Failure,
            "The revocation of the Windows Production PCA 2011 (dbx) was not applied: the Windows UEFI CA 2023 is not in db.",
            "Add the Windows UEFI CA 2023 to db first (AvailableUpdates bit 0x40); the revocation can follow once it is there.",
            "KB5016061"),
        Unconfirmed(1798),
        Unconfirmed(1799),
        Unconfirmed(1800),
        new(NeedsUpdateEventId, SecureBootEventOutcome.Warning,
            "The device still needs the updated Secure Boot CA certificates and keys: they are not all in its firmware yet. The event carries the device's attributes and bucket.",
            null, "KB5016061"),
        new(1802, SecureBootEventOutcome.Warning,
            "Windows skipped a Secure Boot update on purpose: the device has a known firmware issue, named by the event's SkipReason (KI_<n>).",
            "Look the SkipReason up in KB5083344 and ask the device maker for a firmware update.",
            "KB5083344"),
        new(1803, SecureBootEventOutcome.Warning,
            "The KEK update cannot go ahead: Windows found no KEK signed by the device maker's platform key (PK).",
            "The device maker has to provide a KEK update signed by the device's PK, or firmware that carries the new KEK.",
            "KB5083344"),
        new(UpdatedEventId, SecureBootEventOutcome.Success, "The device has the updated Secure Boot CA certificates and keys.", null, "KB5016061"),
    ];

    private static readonly Dictionary<int, SecureBootEventInfo> ById = Events.ToDictionary(e => e.Id);

    /// <summary>Every event of the family, by id.</summary>
    public static IReadOnlyList<SecureBootEventInfo> All => Events;

    /// <summary>The event with this id, or null when it is not a Secure Boot servicing event.</summary>
    public static SecureBootEventInfo? Find(int id) => ById.TryGetValue(id, out var info) ? info : null;

    private static SecureBootEventInfo Unconfirmed(int id) =>
        new(id, null, string.Format(CultureInfo.InvariantCulture, "Secure Boot servicing event {0} (KB5016061)", id), null, "KB5016061");
}
