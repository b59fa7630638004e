#!/usr/bin/env python3
"""Appends MAML help entries for cmdlets described below to module/en-US/AzureLocalSecurity.dll-Help.xml
(replacing an existing entry of the same name). The help file is the source users read; this script only
saves typing the MAML boilerplate. Run from the repository root: python3 tools/add-help.py"""
import html, re, sys

HELP = 'module/en-US/AzureLocalSecurity.dll-Help.xml'

def p(t): return '<maml:para>' + html.escape(t) + '</maml:para>'

def param(name, typ, desc, required=False, pipeline='false', position='named', globbing=False):
    return f'''      <command:parameter required="{str(required).lower()}" variableLength="true" globbing="{str(globbing).lower()}" pipelineInput="{pipeline}" position="{position}">
        <maml:name>{name}</maml:name>
        <maml:description>{p(desc)}</maml:description>
        <command:parameterValue required="true" variableLength="false">{typ}</command:parameterValue>
        <dev:type><maml:name>{typ}</maml:name></dev:type>
      </command:parameter>'''

def command(name, synopsis, description, params, returns, examples):
    verb, noun = name.split('-', 1)
    ex = '\n'.join(f'''      <command:example>
        <maml:title>-------------------------- Example {i+1} --------------------------</maml:title>
        <dev:code>{html.escape(code)}</dev:code>
        <dev:remarks>{p(remark)}</dev:remarks>
      </command:example>''' for i, (code, remark) in enumerate(examples))
    rv = '\n'.join(f'      <command:returnValue><dev:type><maml:name>{t}</maml:name></dev:type><maml:description>{p(d)}</maml:description></command:returnValue>' for t, d in returns)
    return f'''<command:command xmlns:maml="http://schemas.microsoft.com/maml/2004/10" xmlns:command="http://schemas.microsoft.com/maml/dev/command/2004/10" xmlns:dev="http://schemas.microsoft.com/maml/dev/2004/10">
    <command:details>
      <command:name>{name}</command:name>
      <command:verb>{verb}</command:verb>
      <command:noun>{noun}</command:noun>
      <maml:description>{p(synopsis)}</maml:description>
    </command:details>
    <maml:description>
      {''.join(p(d) for d in description)}
    </maml:description>
    <command:parameters>
{chr(10).join(params)}
    </command:parameters>
    <command:returnValues>
{rv}
    </command:returnValues>
    <command:examples>
{ex}
    </command:examples>
    <command:relatedLinks>
      <maml:navigationLink><maml:linkText>about AzureLocalSecurity (README)</maml:linkText><maml:uri>https://github.com/AzureLocalSecurity/AzureLocalSecurity#readme</maml:uri></maml:navigationLink>
    </command:relatedLinks>
  </command:command>
'''

REL = param('Release', 'String', 'The shipped baseline release: 2310, 2402, 2405, 2408, 2411, 2506, 2604 or 2610. The latest (2610) when omitted. Tab completion lists them.')
PROF_NODE = param('Profile', 'BaselineProfile', 'DomainJoined or AdLess: which of the release\'s two lists to use. When omitted, the node\'s domain membership decides (a workgroup node gets AdLess; unknown membership gets DomainJoined with a warning).')
NAME = param('Name', 'String[]', 'Only rules whose name matches one of these wildcard patterns.', globbing=True)
CAT = param('Category', 'String[]', 'Only rules in these categories: Registry, Security Policy, Security Options, Audit Policy, SecuredCore (the 2310-2411 types SecurityPolicy and AuditPolicy match too). Wildcards are allowed; spaces are ignored.', globbing=True)
SEV = param('Severity', 'String[]', 'Only rules of these catalog severities: Critical, Important, Warning, Informational.')
EVP = param('EvidencePath', 'String[]', 'Evidence bundles (folders or .zip files from Export-ALSecurityEvidence) to evaluate instead of the live node. Wildcards are expanded; FullName is accepted from the pipeline.', required=True, pipeline='true (ByPropertyName)')
EV = param('Evidence', 'EvidenceBundle[]', 'Evidence bundles already read with Import-ALSecurityEvidence.', required=True, pipeline='true (ByValue)')
WHATIF = param('WhatIf', 'SwitchParameter', 'Shows what would change without changing anything.')
CONFIRM = param('Confirm', 'SwitchParameter', 'Asks before each change.')

CMDS = [
 command('Get-ALSecurityBaseline',
  'Gets the rules of an Azure Local security baseline: a shipped release or any of Microsoft\'s baseline CSV files.',
  ['Get-ALSecurityBaseline returns one BaselineRule per setting of Microsoft\'s published Azure Local security baseline, with every column the release has: name, rule id, control name, description, category, severity, scenario, CSP path and type, registry key, value and type, default, allowed and expected value (as written and parsed), the validation command, and the CIS, STIG and NIST SP 800-53 references of 2610 and later.',
   'The module ships every release from 2310 to 2610 (both the domain-joined and the AD-less list from 2506 on). -Path reads any of Microsoft\'s CSV files instead, including the OSConfig Windows Server 2025, Defender and Secured-core lists; columns are found by name.',
   'A rule whose expected value cannot be parsed is kept (it evaluates to Error) and a warning names its file, line and column. A malformed file stops the command with an error that names the line.'],
  [REL, param('Profile', 'BaselineProfile', 'DomainJoined (the default) or AdLess: which list of the release. For an OSConfig file, which role columns to read (Member Server or Workgroup Member).'),
   param('Path', 'String', 'A baseline CSV file to read instead of a shipped release.', required=True), NAME, CAT, SEV],
  [('AzureLocalSecurity.Baseline.BaselineRule', 'One object per rule, in the order of the file.')],
  [('Get-ALSecurityBaseline', 'Lists the 429 rules of the latest domain-joined baseline (2610).'),
   ('Get-ALSecurityBaseline -Release 2604 -Profile AdLess -Severity Critical', 'Lists the critical rules of the 2604 AD-less baseline.'),
   ('Get-ALSecurityBaseline -Path .\\AzureLocal_SecurityBaseline_2610domjoin.csv -Category \'Audit Policy\' | Format-Table Name, ExpectedValue', 'Reads a downloaded CSV and shows its audit rules.')]),
 command('Compare-ALSecurityBaseline',
  'Lists the rules added, removed and changed (expected value, severity) between two baseline releases or files.',
  ['Compare-ALSecurityBaseline matches the rules of two catalogs by name, then by Microsoft\'s rule id, then by the registry value they set, and writes one BaselineRuleChange for each rule that was added, removed, or whose expected value or severity changed. Expected values are compared in their parsed, canonical form, so spacing differences are not changes.'],
  [param('ReferenceRelease', 'String', 'The older shipped release.', required=True, position='0'),
   param('DifferenceRelease', 'String', 'The newer shipped release; the latest when omitted.', position='1'),
   param('ReferencePath', 'String', 'The older baseline CSV file.', required=True),
   param('DifferencePath', 'String', 'The newer baseline CSV file.', required=True),
   param('Profile', 'BaselineProfile', 'DomainJoined (the default) or AdLess: which list of each release.'),
   param('Change', 'BaselineChangeKind[]', 'Only these kinds of change: Added, Removed, Changed.')],
  [('AzureLocalSecurity.Baseline.Catalog.BaselineRuleChange', 'One object per difference.')],
  [('Compare-ALSecurityBaseline -ReferenceRelease 2604 -DifferenceRelease 2610', 'Shows what the 2610 domain-joined baseline added, removed and changed since 2604.'),
   ('Compare-ALSecurityBaseline 2506 -Change Changed | Where-Object SeverityChanged', 'Lists the rules whose severity changed since 2506.')]),
 command('Test-ALSecurityBaseline',
  'Audits every setting of the Azure Local security baseline on a node: one result per rule with expected, actual, source and owner.',
  ['Test-ALSecurityBaseline evaluates each rule of a baseline against the node\'s facts and writes a BaselineRuleResult: Status (Compliant, NonCompliant, Unknown, NotApplicable, Error), the expected value in words and as written, the actual value, where it was read (registry value, LSA user right, audit subcategory GUID, account policy, built-in account by RID, platform status), who manages it (Group Policy, MDM or OSConfig) when that can be told, the severity and the CIS/STIG/NIST references.',
   'A value that cannot be read is Unknown with the reason, never NonCompliant. A rule for domain members on a workgroup node is NotApplicable. A rule whose expected value cannot be parsed is Error with its text. Facts are read through documented Windows APIs, never by running secedit or auditpol.',
   'Without -EvidencePath or -Evidence it reads the live node; with them it evaluates captured bundles on any machine. -Summary writes counts by status and severity, the compliance percentage (compliant out of the decided rules) and whether Azure Local\'s drift control is on.',
   'With -GpoBackupPath it judges Group Policy objects instead of a node: for each GPO backup (a Backup-GPO folder, a folder of them, or a folder holding registry.pol, GptTmpl.inf and audit.csv) it writes one GpoRuleResult per rule: Satisfies when the GPO sets the rule\'s setting to a value the baseline accepts, Contradicts when it sets or deletes it so the rule fails (Group Policy and the baseline\'s drift control would fight over it; a warning lists them), NotConfigured when the GPO does not touch it, Unknown when it touches it in a way that cannot be judged. Registry.pol is applied record by record (a later record wins; **del., **delvals., **DeleteValues and **DeleteKeys delete), then GptTmpl.inf [Registry Values]. The profile is DomainJoined unless -Profile says otherwise.'],
  [REL, PROF_NODE, param('Path', 'String', 'A baseline CSV file (any Azure Local release or an OSConfig list) to evaluate instead of a shipped release.'), NAME, CAT, SEV,
   param('Summary', 'SwitchParameter', 'Writes one BaselineSummary per node (or one GpoBaselineSummary per GPO) instead of the results.'),
   param('GpoBackupPath', 'String[]', 'GPO backups to judge instead of a node.', required=True), EVP, EV],
  [('AzureLocalSecurity.Baseline.Analysis.BaselineRuleResult', 'One object per rule and node.'), ('AzureLocalSecurity.Baseline.Analysis.BaselineSummary', 'With -Summary, one object per node.'),
   ('AzureLocalSecurity.Baseline.Gpo.GpoRuleResult', 'With -GpoBackupPath, one object per rule and GPO.'), ('AzureLocalSecurity.Baseline.Gpo.GpoBaselineSummary', 'With -GpoBackupPath -Summary, one object per GPO.')],
  [('Test-ALSecurityBaseline | Where-Object Status -eq NonCompliant', 'Lists the settings of the live node that differ from the latest baseline.'),
   ('Test-ALSecurityBaseline -EvidencePath .\\node01.zip -Summary', 'Summarizes a captured node\'s compliance.'),
   ('Get-ChildItem .\\evidence\\*.zip | Test-ALSecurityBaseline -Severity Critical -Release 2604', 'Evaluates the critical rules of 2604 on every captured node.'),
   ('Backup-GPO -Name \'Server hardening\' -Path C:\\gpo; Test-ALSecurityBaseline -GpoBackupPath C:\\gpo | Where-Object Verdict -eq Contradicts', 'Lists the baseline rules a GPO would break before it is linked to the cluster\'s OU.')]),
 command('Save-ALSecurityBaselineSnapshot',
  'Saves a node\'s baseline results (each rule\'s status and value) to a snapshot file, to detect drift later with Get-ALSecurityBaselineDrift.',
  ['Save-ALSecurityBaselineSnapshot evaluates the baseline like Test-ALSecurityBaseline and writes a JSON snapshot: the node, when the facts were captured, the catalog (release, profile, source) and each rule\'s status, value and source. It does not overwrite a file unless -Force is given. For several nodes, give a folder: one <node>.baseline-snapshot.json is written per node.'],
  [param('SnapshotPath', 'String', 'The snapshot file to write, or an existing folder for one file per node.', required=True, position='0'),
   REL, PROF_NODE, param('CatalogPath', 'String', 'A baseline CSV file to evaluate instead of a shipped release.'), NAME, CAT, SEV,
   param('Force', 'SwitchParameter', 'Replaces an existing snapshot file.'), param('PassThru', 'SwitchParameter', 'Writes the snapshot file.'), EVP, EV, WHATIF, CONFIRM],
  [('System.IO.FileInfo', 'With -PassThru, the snapshot file.')],
  [('Save-ALSecurityBaselineSnapshot -SnapshotPath .\\node01-baseline.json', 'Saves the live node\'s results.'),
   ('Get-ChildItem .\\evidence\\*.zip | Save-ALSecurityBaselineSnapshot -SnapshotPath .\\snapshots', 'Saves one snapshot per captured node into a folder.')]),
 command('Get-ALSecurityBaselineDrift',
  'Lists the baseline rules whose value or verdict changed since a snapshot: rule, before, after, and whether it is compliant now.',
  ['Get-ALSecurityBaselineDrift evaluates the baseline on the node now (live or from a bundle) with the snapshot\'s release and profile, and writes one BaselineDriftItem per rule whose value changed (ValueChanged), whose verdict changed with the same value (StatusChanged), or that was added or removed. NowCompliant says whether the rule is met now.'],
  [param('Snapshot', 'String', 'The snapshot file written by Save-ALSecurityBaselineSnapshot.', required=True, position='0'),
   REL, PROF_NODE, param('CatalogPath', 'String', 'The baseline CSV file the snapshot was taken with, when it was not a shipped release.'), NAME, CAT, SEV, EVP, EV],
  [('AzureLocalSecurity.Baseline.Drift.BaselineDriftItem', 'One object per rule that moved.')],
  [('Get-ALSecurityBaselineDrift -Snapshot .\\node01-baseline.json', 'Shows what changed on the live node since the snapshot.'),
   ('Get-ALSecurityBaselineDrift .\\node01-baseline.json -EvidencePath .\\node01-today.zip | Where-Object NowCompliant -eq $false', 'Lists the rules that drifted out of compliance between two captures.')]),
 command('Repair-ALSecurityBaseline',
  'Brings non-compliant baseline settings back to the baseline, writing an undo record before the first change.',
  ['Repair-ALSecurityBaseline evaluates the baseline, plans the smallest change for each non-compliant rule (the catalog\'s default value when it satisfies the rule, otherwise a value derived from the expected value: for a user right, the holders the rule does not allow are removed), asks for confirmation of each change (ShouldProcess; -WhatIf shows them all), writes an undo record listing every setting\'s exact prior value (including values that were absent), and then applies registry values, user rights, audit policy and account policy through the documented Windows APIs. Each change is read back; a second run changes nothing.',
   'Settings that Group Policy, MDM or OSConfig manage are left alone with a warning unless -Force is given, since the owner would set them back. Platform statuses (Secure Boot state, VBS running) are never changed. Azure Local\'s own drift control is never disabled.',
   'With -EvidencePath or -Evidence nothing is changed: the planned changes are written as BaselineRepairAction objects for review.'],
  [REL, PROF_NODE, param('Path', 'String', 'A baseline CSV file to repair against instead of a shipped release.'), NAME, CAT, SEV,
   param('UndoPath', 'String', 'Where to write the undo record. By default a new file under LocalApplicationData\\AzureLocalSecurity\\Undo. An existing file is never overwritten.'),
   param('Force', 'SwitchParameter', 'Also changes settings that Group Policy, MDM or OSConfig manage.'), EVP, EV, WHATIF, CONFIRM],
  [('AzureLocalSecurity.Baseline.Repair.BaselineChangeOutcome', 'One object per setting changed or found already compliant, with before, after, the result and whether a restart is needed.'),
   ('AzureLocalSecurity.Baseline.Repair.BaselineRepairAction', 'With -EvidencePath or -Evidence, the planned changes.')],
  [('Repair-ALSecurityBaseline -Severity Critical -WhatIf', 'Shows the changes that would bring the critical settings back to the baseline.'),
   ('Repair-ALSecurityBaseline -Name UserRights* -UndoPath .\\undo.json', 'Repairs the user rights, after confirmation, and keeps the undo record in undo.json.'),
   ('Repair-ALSecurityBaseline -EvidencePath .\\node01.zip', 'Lists the changes a repair would make on node01, from a capture.')]),
 command('Undo-ALSecurityBaselineRepair',
  'Restores the settings a Repair-ALSecurityBaseline run changed to exactly their prior values, including values that were absent.',
  ['Undo-ALSecurityBaselineRepair reads an undo record, and restores each setting it lists, last change first, to the value it had before the repair: a registry value that did not exist is removed, a user right gets back exactly its former holders. A setting that already has its prior value is not written, so the command can be run again safely. It runs only on the node the record is for.'],
  [param('Path', 'String', 'The undo record written by Repair-ALSecurityBaseline.', required=True, pipeline='true (ByPropertyName)', position='0'), WHATIF, CONFIRM],
  [('AzureLocalSecurity.Baseline.Repair.BaselineChangeOutcome', 'One object per setting restored or found already restored.')],
  [('Undo-ALSecurityBaselineRepair -Path .\\undo.json', 'Restores the settings the repair changed, after confirmation.')]),
]

TPMEP = param('TpmEndpoint', 'String', 'Reads the TPM at this TCP endpoint (host:port, such as 127.0.0.1:2321; an IPv6 address in brackets) instead of the platform TPM: a software TPM that speaks raw TPM 2.0 commands, as swtpm\'s data port does. Only with the live node.')
TPMEVP = param('EvidencePath', 'String[]', 'Evidence bundles (folders or .zip files from Export-ALSecurityEvidence) to read the TPM facts from instead of the live node. Wildcards are expanded; FullName is accepted from the pipeline.', required=True, pipeline='true (ByPropertyName)')
CMDS += [
 command('Get-ALTpm',
  'Gets what a node\'s TPM is: version, manufacturer, firmware, specification revision, PCR banks, dictionary-attack lockout state, EK certificates, and on Windows the Win32_Tpm and TBS facts.',
  ['Get-ALTpm talks to the TPM directly with its own TPM 2.0 client (TBS on Windows, /dev/tpmrm0 on Linux, or a TCP endpoint with -TpmEndpoint) and reports what the TPM says of itself: the family (2.0), specification level, revision and date, the manufacturer\'s TCG vendor ID and name, the vendor string and firmware version (as Windows shows it), the PCR banks allocated and the algorithms implemented, the lockout counter, maximum, interval and recovery time, whether the TPM is in lockout, which hierarchies are enabled and which authorization values are set, and each EK certificate found in NV (RSA and ECC, low and high range) with its issuer, serial number and validity. On Windows it adds Win32_Tpm (owned, activated, enabled, ready, IsReadyInformation) and TBS (interface type: Hardware, Trustzone, Emulator).',
   'Every TPM response is kept in the evidence byte for byte, so Get-ALTpm -EvidencePath gives the same answer later from a bundle. A fact that could not be read is null, never false or zero; Unknowns says why (also written to the verbose stream). A node without a TPM gives Present = False.'],
  [TPMEP, TPMEVP, EV],
  [('AzureLocalSecurity.Tpm.Analysis.TpmInfo', 'One object per node.')],
  [('Get-ALTpm', 'Shows the live node\'s TPM.'),
   ('Get-ALTpm -TpmEndpoint 127.0.0.1:2321 | Select-Object Manufacturer, FirmwareVersion, PcrBanks, EndorsementCertificates', 'Reads a software TPM (swtpm) on loopback.'),
   ('Get-ChildItem .\\evidence\\*.zip | Get-ALTpm | Where-Object { $_.PcrBanks -notcontains \'sha256\' }', 'Finds captured nodes whose TPM has no SHA-256 PCR bank.')]),
 command('Get-ALTpmPcr',
  'Gets the TPM\'s PCR values: every allocated PCR of every bank, or the banks and indexes asked for.',
  ['Get-ALTpmPcr reads every allocated PCR of every allocated bank with TPM2_PCR_Read (a TPM returns at most eight digests per command, so the read is continued until each PCR was returned) and writes one TpmPcrValue per PCR: bank, index, value in hex, and the PCR update counter of the read. Asking for a bank the TPM has not allocated is a non-terminating error.'],
  [param('Bank', 'String[]', 'The banks to return, by hash name: sha1, sha256, sha384, sha512, sm3_256. All allocated banks when omitted.', position='0'),
   param('Index', 'Int32[]', 'The PCR indexes to return (0-23 on a PC Client TPM). All when omitted.', position='1'),
   TPMEP, TPMEVP, EV],
  [('AzureLocalSecurity.Tpm.TpmPcrValue', 'One object per PCR.')],
  [('Get-ALTpmPcr -Bank sha256 -Index 0,2,4,7', 'Shows the firmware, option ROM, boot manager and Secure Boot policy measurements of the SHA-256 bank.'),
   ('Get-ALTpmPcr -EvidencePath .\\node01.zip -Bank sha256 -Index 7', 'Reads PCR 7 from a capture.')]),
 command('Get-ALTpmEndorsementKey',
  'Gets the TPM\'s endorsement keys with the EK certificate that certifies each.',
  ['Get-ALTpmEndorsementKey reads the persistent endorsement keys (the TCG range 0x81010000-0x810100FF) with TPM2_ReadPublic. Where none is persistent it creates the EKs from the TCG EK Credential Profile\'s default templates (L-1, RSA 2048, and L-2, ECC NIST P-256) in the endorsement hierarchy with TPM2_CreatePrimary and flushes them again: a TPM derives the same key from the same template every time. Each key is written with its public key (SubjectPublicKeyInfo, PEM and SHA-256 fingerprint) and the EK certificate from NV whose public key is that key, if any.'],
  [TPMEP, TPMEVP, EV],
  [('AzureLocalSecurity.Tpm.Analysis.TpmEndorsementKey', 'One object per endorsement key.')],
  [('Get-ALTpmEndorsementKey | Format-List Algorithm, Handle, PublicKeySha256, CertificateIssuer, CertificateNotAfter', 'Shows the EKs and their certificates.'),
   ('(Get-ALTpmEndorsementKey | Where-Object Algorithm -eq \'RSA 2048\').PublicKeyPem | Set-Content ek.pem', 'Saves the RSA EK public key for an attestation service.')]),
]

VSP = param('VariableStorePath', 'String[]', 'Firmware variable store images to read instead of the live node: an edk2/OVMF NVRAM file such as a VM\'s OVMF_VARS.fd (both the 528 KiB and the 128 KiB layouts). Wildcards are expanded. A file that is not a variable store is a non-terminating FirmwareVariableStoreInvalid error naming the byte offset.', required=True)
SBEVP = param('EvidencePath', 'String[]', 'Evidence bundles (folders or .zip files from Export-ALSecurityEvidence) to read the UEFI variables from instead of the live node. Wildcards are expanded; FullName is accepted from the pipeline.', required=True, pipeline='true (ByPropertyName)')
CMDS += [
 command('Get-ALSecureBoot',
  'Gets whether a node boots with Secure Boot: UEFI or BIOS, SecureBoot, SetupMode, AuditMode, DeployedMode, and whether a platform key is enrolled.',
  ['Get-ALSecureBoot reads the UEFI variables themselves: on Windows with GetFirmwareEnvironmentVariableEx (SeSystemEnvironmentPrivilege is enabled for the read and restored after; run elevated), on Linux from efivarfs. It reports the SecureBoot and SetupMode bytes, AuditMode and DeployedMode where the firmware has them, whether PK holds a key, and on Windows the registry\'s UEFISecureBootEnabled beside them. Sources says where each fact came from; a fact that could not be read is null and Unknowns says why.',
   'With -VariableStorePath it audits an NVRAM file instead. A store holds no SecureBoot or SetupMode variable (the firmware sets them at boot), so SetupMode is derived from whether PK is enrolled, and SecureBootEnabled stays unknown.'],
  [VSP, SBEVP, EV],
  [('AzureLocalSecurity.SecureBoot.Analysis.SecureBootState', 'One object per node or file.')],
  [('Get-ALSecureBoot', 'Shows the live node\'s Secure Boot state.'),
   ('Get-ALSecureBoot -VariableStorePath /var/lib/libvirt/qemu/nvram/*_VARS.fd | Where-Object SetupMode', 'Finds VMs whose firmware has no platform key enrolled.')]),
]

CMDS += [
 command('Get-ALSecureBootDatabase',
  'Lists the entries of the Secure Boot databases: certificates with their known names and validity, hashes with what Microsoft\'s dbx list says they revoke, and Windows SVN entries.',
  ['Get-ALSecureBootDatabase parses PK, KEK, db and dbx (or the databases named with -Name) as EFI signature lists (UEFI 2.10 section 32.4.1) and writes one SecureBootDatabaseEntry per EFI_SIGNATURE_DATA: the signature type and owner; for certificates the subject, issuer, SHA-1 thumbprint, validity and, for Microsoft\'s Secure Boot CAs, their name (Microsoft Corporation KEK CA 2011, Windows UEFI CA 2023, ...); for dbx hashes what Microsoft\'s published dbx list (dbx_info_msft_latest.json, shipped with the module) says each revokes; for Windows SVN entries the boot application and the minimum version. A certificate .NET cannot read is kept with Error set.',
   'It reads the live node (run elevated on Windows), bundles, NVRAM files (-VariableStorePath), or files with -Path: a signed update such as Microsoft\'s DBXUpdate.bin (EFI_VARIABLE_AUTHENTICATION_2) or a bare .esl list. A database the firmware does not have is a warning when others were read, an error (SecureBootDatabaseUnavailable) when nothing was.'],
  [param('Name', 'String[]', 'The databases to list: PK, KEK, db, dbx (all four by default), dbt, dbr, or the firmware defaults PKDefault, KEKDefault, dbDefault, dbxDefault.', position='0'),
   param('Path', 'String[]', 'Files to read instead of a node: a signed update (EFI_VARIABLE_AUTHENTICATION_2, such as DBXUpdate.bin) or a bare EFI signature list. With one -Name (such as dbx), the file is read as that database.', required=True),
   VSP, SBEVP, EV],
  [('AzureLocalSecurity.SecureBoot.Analysis.SecureBootDatabaseEntry', 'One object per signature entry.')],
  [('Get-ALSecureBootDatabase -Name db | Select-Object KnownName, Subject, NotAfter', 'Shows which certificates db trusts and when they expire.'),
   ('Get-ALSecureBootDatabase -Path .\\DBXUpdate.bin -Name dbx | Where-Object { -not $_.Revokes }', 'Lists the hashes of a dbx update that Microsoft\'s published list does not describe.'),
   ('Get-ALSecureBootDatabase -VariableStorePath .\\vm1_VARS.fd -Name KEK', 'Shows the KEKs a VM\'s firmware holds.')]),
]

CMDS += [
 command('Test-ALSecureBootCertificate',
  'Checks where a node stands in the 2026 Secure Boot certificate rollover: the stage (0, 1 or 2) and one result per requirement, each with the next step.',
  ['Microsoft\'s 2011 Secure Boot CAs expire in 2026 (KEK CA 2011 on 24 June, UEFI CA 2011 on 27 June, Windows Production PCA 2011 on 19 October). Test-ALSecureBootCertificate reads the firmware\'s own PK, KEK, db and dbx, the Authenticode signer of the Windows boot manager on the EFI system partition, and Windows\' servicing registry values and TPM-WMI events, and writes one SecurityCheckResult per requirement: ALSEC-SB-001 the rollover stage (0 no Windows UEFI CA 2023 in db, 1 the CA in db, 2 the node boots the boot manager it signs); ALSEC-SB-002 KEK holds the KEK 2K CA 2023; ALSEC-SB-003 db holds the Windows UEFI CA 2023; ALSEC-SB-004 and -005 db holds the Microsoft UEFI CA 2023 and the Option ROM UEFI CA 2023 where the 2011 UEFI CA is trusted; ALSEC-SB-006 the boot manager is signed by the Windows UEFI CA 2023; ALSEC-SB-007 dbx revokes the Windows Production PCA 2011 (BlackLotus, CVE-2023-24932); ALSEC-SB-008 dbx carries the latest boot manager SVN Microsoft has published; ALSEC-SB-009 UEFICA2023Status and UEFICA2023Error; ALSEC-SB-010 the newest 1801/1808 event and any failure since; ALSEC-SB-011 one result per certificate in PK, KEK and db: valid on -AsOf, or expired with its replacement present.',
   'The firmware\'s databases and the boot file are the facts; WindowsUEFICA2023Capable is used where they could not be read, and a disagreement is named in the stage description. Each non-compliant result carries the AvailableUpdates bit that applies the missing step and says when Windows has it queued. A requirement that could not be read is Unknown with the reason. With -VariableStorePath a VM\'s NVRAM file is judged (a VM that trusts only the 2011 CAs is stage 0). With -Summary one SecureBootCertificateSummary per node gives the stage, counts, IsComplete and NextStep (the first step in the order the rollover has to happen).'],
  [param('AsOf', 'DateTime', 'The date certificates\' expiry is judged against. The default is now; a date without a time zone is taken as local time.'),
   param('Summary', 'SwitchParameter', 'Writes one SecureBootCertificateSummary per node instead of the results; its Results property holds them.'),
   VSP, SBEVP, EV],
  [('AzureLocalSecurity.Results.SecurityCheckResult', 'One result per requirement, and one per certificate for expiry.'),
   ('AzureLocalSecurity.SecureBoot.Rollover.SecureBootCertificateSummary', 'With -Summary: one per node.')],
  [('Test-ALSecureBootCertificate', 'Shows the live node\'s rollover results (run elevated on Windows).'),
   ('(Test-ALSecureBootCertificate -Summary).Stage', 'Gives the stage alone, for a script or a Pester test.'),
   ('Test-ALSecureBootCertificate -VariableStorePath /var/lib/libvirt/qemu/nvram/*_VARS.fd -Summary | Format-Table ComputerName, Stage, NextStep', 'Finds the VMs whose firmware still trusts only the 2011 CAs.'),
   ('Test-ALSecureBootCertificate -EvidencePath .\\node01.zip -AsOf 2026-06-01 | Where-Object Status -ne Compliant', 'Shows what a captured node would lack on 1 June 2026.')]),
]

CMDS += [
 command('Test-ALSecuredCore',
  'Proves whether a node is Secured-core, requirement by requirement, with the evidence for each.',
  ['Test-ALSecuredCore judges ALSEC-SC-001 TPM 2.0 present and ready (the module\'s own TPM client, TBS as fallback), ALSEC-SC-002 UEFI with Secure Boot on (the UEFI variables), ALSEC-SC-003 virtualization-based security running, ALSEC-SC-004 memory integrity (HVCI), ALSEC-SC-005 Credential Guard and ALSEC-SC-006 System Guard Secure Launch (DRTM) running (Win32_DeviceGuard SecurityServicesRunning; configured is not running), ALSEC-SC-007 SMM firmware protection (AvailableSecurityProperties 6) and ALSEC-SC-008 Kernel DMA protection (NtQuerySystemInformation SystemDmaGuardPolicyInformation). Each result has expected, actual, source and remediation; a requirement that could not be read is Unknown with the reason.',
   'Where the Device Guard WMI provider is missing, VBS and HVCI are read from the kernel (the isolated user mode flags and the code integrity options) and the services only it reports are Unknown. When VBS is configured but not running, the result names the required security properties the platform lacks. On a Linux host the Windows services are NotApplicable, DMA protection is the IOMMU, SMM protection the firmware\'s WSMT table, and ALSEC-SC-009 checks kernel lockdown. By default one SecuredCoreSummary per node: IsSecuredCore (true, false, or null when nothing fails but something could not be read), counts, and the requirements missing or unproven.'],
  [param('Detailed', 'SwitchParameter', 'Writes one SecurityCheckResult per requirement instead of the summary.'),
   TPMEP, TPMEVP, EV],
  [('AzureLocalSecurity.SecuredCore.SecuredCoreSummary', 'By default: one per node.'),
   ('AzureLocalSecurity.Results.SecurityCheckResult', 'With -Detailed: one per requirement.')],
  [('Test-ALSecuredCore', 'Says whether the live node is Secured-core and what it misses (run elevated on Windows).'),
   ('Test-ALSecuredCore -Detailed | Where-Object Status -ne Compliant | Format-List Title, Actual, Reason, Remediation', 'Shows each requirement the node misses and how to fix it.'),
   ('Get-ChildItem .\\evidence\\*.zip | Test-ALSecuredCore | Format-Table ComputerName, IsSecuredCore, Missing', 'Checks a whole cluster\'s captures.')]),
]

FEATURES = 'VBS, HVCI, CredentialGuard, DRTM, SideChannelMitigation, SMBSigning or SMBClusterEncryption'
FREL = param('Release', 'String', 'The shipped baseline release the node runs (2310, 2402, 2405, 2408, 2411, 2506, 2604 or 2610): the features\' registry values are taken from it, since they change between releases (FeatureSettingsOverride, the Credential Guard key). The latest (2610) when omitted. Tab completion lists them.')
FPROF = param('Profile', 'BaselineProfile', 'DomainJoined or AdLess: which of the release\'s two lists to use. When omitted, the node\'s domain membership decides (a workgroup node gets AdLess; unknown membership gets DomainJoined with a warning).')
FEVP = param('EvidencePath', 'String[]', 'Evidence bundles (folders or .zip files from Export-ALSecurityEvidence) to read instead of the live node. Wildcards are expanded; FullName is accepted from the pipeline.', required=True, pipeline='true (ByPropertyName)')
SWITCH_DESC = [
  'The switch is planned first, as data: each registry value the feature\'s settings name in the node\'s baseline release, with its REG_ type, its value now (or absent) and the value set. A feature that is already as asked is an empty plan: nothing is written, so a second run changes nothing. On the live node the whole switch is confirmed once (ShouldProcess, ConfirmImpact High; -WhatIf shows every change), an undo record with every prior value is written before the first change, and the changes are made and read back by the same executor as Repair-ALSecurityBaseline: Undo-ALSecurityBaselineRepair -Path <UndoPath> restores them.',
  'A switch that Azure Local\'s drift control would undo (drift control is on and the node\'s baseline sets the feature the other way; it re-applies the baseline within 90 minutes) is refused with SecurityFeatureDriftControlled unless -Force is given; turn drift control off first with Disable-AzsSecurity -FeatureName DriftControl -Local (or -Cluster). SMBClusterEncryption is the failover cluster\'s SecurityLevelForStorage property, not a registry value, and is refused with SecurityFeatureNotSwitchable, naming the command to run instead. A value that cannot be read refuses the switch (SecurityFeatureFactsUnknown): nothing is switched half-way.',
  'With -EvidencePath or -Evidence nothing is changed: the SecurityFeaturePlan is written for review, with an error or warning where the node would refuse it. On a machine that is not Windows, the live node is refused with BaselineRepairNeedsWindows. The process must be elevated to change the registry.']
CMDS += [
 command('Get-ALSecurityFeature',
  'Gets Azure Local\'s security features on a node: configured, running, restart pending, held by drift control, with each setting\'s value.',
  ['Get-ALSecurityFeature writes one SecurityFeatureState per feature Azure Local switches with Get-/Enable-/Disable-AzsSecurity: VBS, HVCI, CredentialGuard, DRTM, SideChannelMitigation, SMBSigning and SMBClusterEncryption. Configured is true when every setting that turns the feature on holds: the registry values of the node\'s baseline release (the 2610 catalog tags the rules each switch changes; older releases are matched by the values they set), or for SMBClusterEncryption the failover cluster\'s SecurityLevelForStorage (2: CSV and Storage Bus Layer traffic encrypted).',
   'Running comes from Win32_DeviceGuard (VirtualizationBasedSecurityStatus 2 for VBS; SecurityServicesRunning 1 Credential Guard, 2 HVCI, 3 System Guard Secure Launch), and for VBS and HVCI from the kernel\'s isolated user mode and code integrity information where Win32_DeviceGuard was not captured. SMB signing, SMB cluster encryption and the side-channel mitigations have no separate runtime fact: Running follows the configuration, and Sources says so. RestartPending is true when a feature that needs a restart is configured one way and runs the other. DriftControlEnforced is true when Azure Local\'s drift control is on and the node\'s baseline sets the feature\'s settings. Posture is Azure Local\'s customization posture (Toggle Allowed, Warning Allowed, Blocked) from the 2610 catalog.',
   'A fact that could not be read is null, never false; Unknowns says why (also written to the verbose stream). Each setting\'s current value is in Settings.'],
  [param('Name', 'String[]', 'Only these features: ' + FEATURES + '. All seven when omitted.', position='0'), FREL, FPROF, FEVP, EV],
  [('AzureLocalSecurity.SecuredCore.Features.SecurityFeatureState', 'One object per feature and node.')],
  [('Get-ALSecurityFeature', 'Shows the live node\'s seven features (run elevated).'),
   ('Get-ALSecurityFeature -Name VBS, HVCI | Where-Object RestartPending', 'Shows whether VBS or HVCI waits for a restart.'),
   ('(Get-ALSecurityFeature -Name SideChannelMitigation -EvidencePath .\\node01.zip -Release 2604).Settings', 'Shows each side-channel value of a captured 2604 node beside the value its baseline sets.')]),
 command('Enable-ALSecurityFeature',
  'Turns an Azure Local security feature on: the registry values of the node\'s baseline, after confirmation, with an undo record written first.',
  ['Enable-ALSecurityFeature sets the values that turn the feature on, taken from the node\'s baseline release so they are Microsoft\'s (for example FeatureSettingsOverride 1426063432 with FeatureSettingsOverrideMask 3 and MinVmVersionForCpuBasedMitigations 1.0 in 2610). VBS, HVCI, CredentialGuard, DRTM and SideChannelMitigation take effect after a restart (RestartRequired); SMBSigning at the next SMB connection. Enabling HVCI, Credential Guard or DRTM where VBS is not configured warns that they run on VBS.'] + SWITCH_DESC,
  [param('Name', 'String', 'The feature to turn on: ' + FEATURES + '.', required=True, position='0'), FREL, FPROF,
   param('UndoPath', 'String', 'Where to write the undo record. By default a new file under LocalApplicationData\\AzureLocalSecurity\\Undo. An existing file is never overwritten.'),
   param('Force', 'SwitchParameter', 'Makes the change even though Azure Local\'s drift control would undo it within 90 minutes (a release whose baseline sets the feature off).'), FEVP, EV, WHATIF, CONFIRM],
  [('AzureLocalSecurity.SecuredCore.Features.SecurityFeatureSwitchResult', 'On the live node: Name, Action, Changes (each setting\'s before, after and result), RestartRequired and UndoPath.'),
   ('AzureLocalSecurity.SecuredCore.Features.SecurityFeaturePlan', 'With -EvidencePath or -Evidence: the planned changes, RestartRequired, and the refusal if the node would refuse.')],
  [('Enable-ALSecurityFeature -Name HVCI -WhatIf', 'Shows the registry changes that would turn memory integrity on.'),
   ('Enable-ALSecurityFeature -Name SideChannelMitigation -UndoPath .\\undo-sidechannel.json', 'Turns the side-channel mitigations on after confirmation and keeps the undo record; restart the node for them to take effect.'),
   ('Enable-ALSecurityFeature -Name DRTM -EvidencePath .\\node01.zip -Release 2411', 'Shows what turning DRTM on would change on a captured 2411 node.')]),
 command('Disable-ALSecurityFeature',
  'Turns an Azure Local security feature off: the documented off values, after confirmation, with an undo record written first; refused where drift control would turn it back on (unless -Force) or Azure Local does not support it.',
  ['Disable-ALSecurityFeature sets the values Microsoft documents as off: HypervisorEnforcedCodeIntegrity and LsaCfgFlags 0, ConfigureSystemGuardLaunch 2, FeatureSettingsOverride 3 with Mask 3 (KB4072698), RequireSecuritySignature 0 for the SMB client and server (signing when the other side asks is kept); values that exist only to turn a feature on are removed. VBS cannot be turned off: Azure Local does not support it and its baseline marks the VBS settings Blocked, so the command refuses with SecurityFeatureBlocked, whatever -Force says. Turning Credential Guard off where it was turned on with UEFI lock warns that the registry change is not enough.'] + SWITCH_DESC,
  [param('Name', 'String', 'The feature to turn off: ' + FEATURES + '.', required=True, position='0'), FREL, FPROF,
   param('UndoPath', 'String', 'Where to write the undo record. By default a new file under LocalApplicationData\\AzureLocalSecurity\\Undo. An existing file is never overwritten.'),
   param('Force', 'SwitchParameter', 'Turns the feature off even though Azure Local\'s drift control will turn it back on within 90 minutes. It does not override the refusal to turn VBS off.'), FEVP, EV, WHATIF, CONFIRM],
  [('AzureLocalSecurity.SecuredCore.Features.SecurityFeatureSwitchResult', 'On the live node: Name, Action, Changes (each setting\'s before, after and result), RestartRequired and UndoPath.'),
   ('AzureLocalSecurity.SecuredCore.Features.SecurityFeaturePlan', 'With -EvidencePath or -Evidence: the planned changes, RestartRequired, and the refusal if the node would refuse.')],
  [('Disable-ALSecurityFeature -Name SMBSigning -WhatIf', 'Shows the two registry values that would stop requiring SMB signing.'),
   ('Disable-AzsSecurity -FeatureName DriftControl -Local; Disable-ALSecurityFeature -Name CredentialGuard', 'Turns drift control off with Azure Local\'s own cmdlet, then Credential Guard, after confirmation.'),
   ('$r = Disable-ALSecurityFeature -Name SideChannelMitigation; Undo-ALSecurityBaselineRepair -Path $r.UndoPath', 'Turns the side-channel mitigations off, then restores the prior values from the undo record the switch wrote.')]),
]

CMDS += [
 command('Get-ALBitLockerVolume',
  'Gets the BitLocker state of a node\'s volumes (OS volume, data volumes, Cluster Shared Volumes): conversion, encryption method, protection, lock, suspend count and key protector IDs and types, never a key.',
  ['Get-ALBitLockerVolume writes one BitLockerVolume per volume the BitLocker WMI provider lists (Win32_EncryptableVolume in root\\CIMV2\\Security\\MicrosoftVolumeEncryption): its mount point (the drive letter, else the C:\\ClusterStorage path of a CSV, else its first mount path, else its DeviceID), VolumeType (OperatingSystem, Data, ClusterSharedVolume with the owner node from the failover cluster, or Removable), ConversionStatus and EncryptionPercentage, UsedSpaceOnly, EncryptionMethod, ProtectionOn, Locked, SuspendCount on a suspended OS volume, AutoUnlockEnabled, and the key protectors as IDs and types.',
   'It reads state only: it never asks Windows for a recovery password or a key file, so no secret can reach its output or an evidence bundle. ProtectionOn false on a fully encrypted volume means protection is suspended: the key is stored in the clear until protection is resumed.',
   'A fact that could not be read is null, never false; Unknowns says why (also written to the verbose stream). A locked volume answers few questions: its unknowns say the volume is locked. A node or bundle without BitLocker facts (not Windows, the BitLocker feature not installed, a bundle captured before this version) is a BitLockerFactsUnavailable error with the reason. Run elevated on the node: the provider answers administrators only.'],
  [param('MountPoint', 'String[]', 'Only these volumes, by mount point (C:, C:\\ClusterStorage\\Volume1) or DeviceID. Wildcards are allowed.', position='0'),
   param('VolumeType', 'String', 'Only volumes of this kind: OperatingSystem, Data or ClusterSharedVolume.'),
   param('EvidencePath', 'String[]', 'Evidence bundles (folders or .zip files from Export-ALSecurityEvidence) to read the BitLocker facts from instead of the live node. Wildcards are expanded; FullName is accepted from the pipeline.', required=True, pipeline='true (ByPropertyName)'),
   EV],
  [('AzureLocalSecurity.BitLocker.BitLockerVolume', 'One object per volume and node.')],
  [('Get-ALBitLockerVolume', 'Shows every volume of the live node (run elevated).'),
   ('Get-ALBitLockerVolume -VolumeType ClusterSharedVolume | Format-Table MountPoint, OwnerNode, ConversionStatus, ProtectionOn', 'Shows each CSV with the node that owns it and whether it is protected.'),
   ('Get-ChildItem .\\evidence\\*.zip | Get-ALBitLockerVolume -MountPoint C: | Where-Object { -not $_.ProtectionOn }', 'Finds the nodes of a cluster capture whose OS volume is not protected or is suspended.')]),
]

BLMP = param('MountPoint', 'String[]', 'The volumes, by mount point: a drive letter such as C: or a CSV path such as C:\\ClusterStorage\\UserStorage_1 (a trailing backslash is ignored). A mount point that matches no volume is a non-terminating error (BitLockerVolumeNotFound).', position='0')
BLVT = param('VolumeType', 'BitLockerVolumeKind[]', 'The volumes, by kind: OperatingSystem, Data or ClusterSharedVolume. With -MountPoint as well, a volume must match both.')
BLEVP = param('EvidencePath', 'String[]', 'Evidence bundles (folders or .zip files from Export-ALSecurityEvidence) to plan for instead of the live node: nothing is changed, the BitLockerPlan of each volume is written. Wildcards are expanded; FullName is accepted from the pipeline.', required=True, pipeline='true (ByPropertyName)')
BLEV = param('Evidence', 'EvidenceBundle[]', 'Evidence bundles already read with Import-ALSecurityEvidence; as with -EvidencePath, only the plans are written.', required=True, pipeline='true (ByValue)')
BLWAIT = param('Wait', 'SwitchParameter', 'After the conversion starts, reads its status (GetConversionStatus) and shows it with Write-Progress until the volume is fully converted, or until the percentage has not moved for ten minutes (then a warning; the conversion goes on in the background).')
BL_CHANGE_DESC = [
  'Each volume gets a plan first, as data: ordered steps with a reason each, or a refusal that says what to do, plus warnings. A volume already as asked gets an empty plan and nothing is changed, so a second run changes nothing. On the live node each volume\'s plan is confirmed once (ShouldProcess, ConfirmImpact High; -WhatIf lists the steps) and run step by step through Win32_EncryptableVolume; the run stops at the first failure, which is a non-terminating error BitLockerStepFailed with the method\'s return code explained. Refusals are errors with their own IDs: BitLockerVolumeLocked, BitLockerNoReadyTpm, BitLockerNoBackupDestination, BitLockerNoClusterAccount, BitLockerUnsupportedVolume, BitLockerWrongConversionState, BitLockerNoRecoveryPassword, BitLockerNotOwnerNode, BitLockerFactsUnknown.',
  'The volumes must be named with -MountPoint or -VolumeType (BitLockerNoVolumeSelected otherwise). With -EvidencePath or -Evidence nothing is changed: the BitLockerPlan of each volume is written for review. On a machine that is not Windows, the live node is refused with BaselineRepairNeedsWindows before anything is read. The process must be elevated. Until the BitLocker collector is merged, the live node\'s volumes cannot be read and the command stops with BitLockerFactsUnavailable.']
BL_RESULTS = [('AzureLocalSecurity.BitLocker.Planning.BitLockerChangeResult', 'On the live node: one per volume, with the plan, one outcome per step, Succeeded, the backup files written and the protectors created.'),
  ('AzureLocalSecurity.BitLocker.Planning.BitLockerPlan', 'With -EvidencePath or -Evidence: one per volume, with its steps or its refusal.')]
CMDS += [
 command('Enable-ALBitLocker',
  'Turns BitLocker on for volumes: a recovery password is created, backed up and verified before any protector is enabled or encryption starts.',
  ['Enable-ALBitLocker plans, per volume: a recovery password (Windows generates it), its backup to a file in -RecoveryKeyPath (created with an ACL for Administrators and SYSTEM only, protected from inheritance) and/or to AD DS (-BackupToActiveDirectory; S_FALSE, Group Policy not allowing it, is a failure), a verification that reads every file back and compares it character by character, and only then the protectors and encryption. The OS volume gets a TPM protector and is refused (BitLockerNoReadyTpm) when the node\'s TPM is not ready or its state is unknown. Data volumes and CSVs get the cluster name object\'s SID protector (-ClusterNameAccount); a CSV is put in maintenance mode first and taken out last, as Microsoft documents for CSVs. Without a backup destination the plan is refused unless -Force. A volume already encrypted with the protectors asked for is left as it is; one whose protection is suspended is only resumed; a paused encryption is resumed after its recovery password is backed up.',
   'The recovery password is never written to any stream, error, plan, result or evidence: only the backup file holds it. Get-ALBitLockerRecoveryKey reads it back.'] + BL_CHANGE_DESC,
  [BLMP, BLVT,
   param('EncryptionMethod', 'BitLockerEncryptionMethod', 'XtsAes256 (the default, what Azure Local uses), XtsAes128, Aes256 or Aes128.'),
   param('UsedSpaceOnly', 'SwitchParameter', 'Encrypts only the space in use (EncryptionFlags 0x1); free space is not encrypted.'),
   param('RecoveryKeyPath', 'String', 'The folder the recovery password backup file is written to (BitLocker-<node>-<volume>-<protector ID>.txt). An existing file is never overwritten. Keep the folder off the volume being encrypted.'),
   param('BackupToActiveDirectory', 'SwitchParameter', 'Backs the recovery password up to AD DS (BackupRecoveryInformationToActiveDirectory). Verified by its return code only.'),
   param('ClusterNameAccount', 'String', 'The cluster name object\'s account, DOMAIN\\ClusterName$, for the SID protector a CSV needs (and data volumes of a cluster node get).'),
   param('Force', 'SwitchParameter', 'Turns BitLocker on without any backup destination for the recovery password (a warning is written). Without it, such a plan is refused.'),
   BLWAIT, BLEVP, BLEV, WHATIF, CONFIRM],
  BL_RESULTS,
  [('Enable-ALBitLocker -MountPoint C: -RecoveryKeyPath \\\\backup01\\bitlocker$ -WhatIf', 'Shows the steps that would turn BitLocker on for the OS volume.'),
   ('Enable-ALBitLocker -VolumeType ClusterSharedVolume -ClusterNameAccount CONTOSO\\HCI01$ -RecoveryKeyPath D:\\Keys -BackupToActiveDirectory -Wait', 'Turns BitLocker on for the CSVs this node owns, after confirmation, backing each password up twice, and follows the encryption.'),
   ('Enable-ALBitLocker -VolumeType Data -EvidencePath .\\node01.zip -RecoveryKeyPath D:\\Keys', 'Shows the plans for a captured node\'s data volumes.')]),
 command('Disable-ALBitLocker',
  'Turns BitLocker off for volumes: decrypts them, after confirmation.',
  ['Disable-ALBitLocker plans, per volume: on the OS volume the auto-unlock keys are cleared first (Decrypt fails while they exist; a warning says the data volumes stop unlocking on their own), then Decrypt; a CSV is put in maintenance mode first and taken out last. A volume already decrypted, or decrypting, is left as it is.'] + BL_CHANGE_DESC,
  [BLMP, BLVT, param('Wait', 'SwitchParameter', 'After decryption starts, shows its progress with Write-Progress until the volume is fully decrypted, or until the percentage has not moved for ten minutes (then a warning).'), BLEVP, BLEV, WHATIF, CONFIRM],
  BL_RESULTS,
  [('Disable-ALBitLocker -MountPoint D: -WhatIf', 'Shows what turning BitLocker off for D: would do.'),
   ('Disable-ALBitLocker -MountPoint D: -Wait', 'Decrypts D: after confirmation and follows the decryption.')]),
 command('Suspend-ALBitLocker',
  'Suspends BitLocker protection on volumes: the key stays in the clear until protection is resumed, or on the OS volume for a number of restarts.',
  ['Suspend-ALBitLocker plans DisableKeyProtectors per encrypted volume. A volume not encrypted is refused (BitLockerWrongConversionState); one already suspended is left as it is.'] + BL_CHANGE_DESC,
  [BLMP, BLVT, param('RebootCount', 'Int32', 'On the OS volume, how many restarts protection stays suspended (WMI\'s DisableCount), 0 to 15; 0 means until Resume-ALBitLocker. 1 when omitted. Data volumes have no count: a warning is written if one is given.'), BLEVP, BLEV, WHATIF, CONFIRM],
  BL_RESULTS,
  [('Suspend-ALBitLocker -MountPoint C: -RebootCount 2', 'Suspends protection of the OS volume for two restarts, for a firmware update.'),
   ('Suspend-ALBitLocker -MountPoint C: -EvidencePath .\\node01.zip', 'Shows the plan for a captured node.')]),
 command('Resume-ALBitLocker',
  'Resumes BitLocker protection on volumes where it is suspended.',
  ['Resume-ALBitLocker plans EnableKeyProtectors per suspended volume. A volume whose protection is on is left as it is; one not encrypted is refused (BitLockerWrongConversionState).'] + BL_CHANGE_DESC,
  [BLMP, BLVT, BLEVP, BLEV, WHATIF, CONFIRM],
  BL_RESULTS,
  [('Resume-ALBitLocker -MountPoint C:', 'Turns protection of the OS volume back on after confirmation.'),
   ('Resume-ALBitLocker -VolumeType Data -WhatIf', 'Shows which data volumes would have protection turned back on.')]),
 command('Backup-ALBitLockerKeyProtector',
  'Backs up volumes\' recovery passwords to a protected file or to AD DS, and verifies each backup.',
  ['Backup-ALBitLockerKeyProtector plans, for each recovery password protector of each volume, the backup and its verification. A file backup is written to -Path (created with an ACL for Administrators and SYSTEM only, protected from inheritance; never overwriting) and read back and compared; an AD DS backup is verified by its return code (S_FALSE, Group Policy not allowing it, is a failure). A volume without a recovery password protector is refused (BitLockerNoRecoveryPassword); -Destination File without -Path is refused (BitLockerNoBackupDestination).'] + BL_CHANGE_DESC,
  [BLMP, BLVT,
   param('Destination', 'BitLockerBackupDestination', 'File (a file per protector in -Path) or ActiveDirectory (AD DS).', required=True),
   param('Path', 'String', 'With -Destination File, the folder the backup files are written to.'),
   BLEVP, BLEV, WHATIF, CONFIRM],
  BL_RESULTS,
  [('Backup-ALBitLockerKeyProtector -MountPoint C: -Destination File -Path \\\\backup01\\bitlocker$', 'Writes and verifies a backup file of the OS volume\'s recovery password.'),
   ('Backup-ALBitLockerKeyProtector -VolumeType ClusterSharedVolume -Destination ActiveDirectory', 'Backs up the CSVs\' recovery passwords to AD DS.')]),
 command('Get-ALBitLockerRecoveryKey',
  'Gets volumes\' BitLocker recovery passwords from the live node as SecureStrings; as text only with -AsPlainText.',
  ['Get-ALBitLockerRecoveryKey writes one BitLockerRecoveryKey per recovery password protector: ComputerName, MountPoint, ProtectorId and Key, a read-only SecureString. The password is read with GetKeyProtectorNumericalPassword and is never written to any other stream. With -AsPlainText, RecoveryPassword holds it as text too, and a warning says so; without it RecoveryPassword is null.',
   'Without -MountPoint or -VolumeType every volume is read. A volume whose protectors could not be read is an error (BitLockerFactsUnknown); one with no matching recovery password protector is an error (BitLockerNoProtectorFound); a failed read is an error (BitLockerRecoveryKeyReadFailed). An evidence bundle never holds recovery passwords: -EvidencePath and -Evidence stop with BitLockerRecoveryKeyNotInEvidence. On a machine that is not Windows the command is refused with BaselineRepairNeedsWindows. The process must be elevated.'],
  [BLMP, BLVT,
   param('ProtectorId', 'String[]', 'Only these recovery password protectors (VolumeKeyProtectorID, with or without braces).'),
   param('AsPlainText', 'SwitchParameter', 'Also writes the password as text in RecoveryPassword, with a warning. Anyone who sees the output can unlock the volume.'),
   param('EvidencePath', 'String[]', 'Not supported: an evidence bundle never holds recovery passwords, so the command stops with BitLockerRecoveryKeyNotInEvidence.', required=True, pipeline='true (ByPropertyName)'),
   param('Evidence', 'EvidenceBundle[]', 'Not supported: an evidence bundle never holds recovery passwords, so the command stops with BitLockerRecoveryKeyNotInEvidence.', required=True, pipeline='true (ByValue)')],
  [('AzureLocalSecurity.BitLocker.Planning.BitLockerRecoveryKey', 'One per recovery password protector.')],
  [('Get-ALBitLockerRecoveryKey -MountPoint C:', 'Gets the OS volume\'s recovery passwords as SecureStrings.'),
   ('(Get-ALBitLockerRecoveryKey -MountPoint D: -AsPlainText).RecoveryPassword', 'Shows D:\'s recovery password as text, to read it to someone at the console of a locked node.')]),
]

CMDS += [
 command('Get-ALApplicationControl',
  'Gets the App Control for Business (WDAC) policies active on a node, each with its own mode, and the node\'s mode as Windows reports it.',
  ['Get-ALApplicationControl writes one ActivePolicy per active policy: PolicyId, BasePolicyId, Name, Version, PolicyType (Base or Supplemental), Mode (Audit when the policy has the Enabled:Audit Mode rule option, Enforced when it does not, Unknown with the reason), IsSigned, Options, IsMicrosoftProvided, IsAzureLocalBase (AS_Base_Policy {A6368F66-E2C9-4AA2-AB79-8743F6597683}), Label, Source and LastActivated, with NodeName and NodeMode on each so that a pipeline of policies from several nodes reads on its own.',
   'The policies are those CiTool lists as currently enforced (CiTool.exe --list-policies --json, or the text form). Without CiTool they are the deployed files of %windir%\\System32\\CodeIntegrity\\CiPolicies\\Active and the legacy SiPolicy.p7b and driversipolicy.p7b, and a verbose message says that whether each is active is then not known. A policy\'s mode is read from CiTool\'s PolicyOptions, else from the OptionFlags in its compiled file\'s header, else from the Options of its latest 3099 activation event. The node\'s mode is Win32_DeviceGuard\'s UsermodeCodeIntegrityPolicyEnforcementStatus (0 Off, 1 Audit, 2 Enforced), or the kernel\'s CODEINTEGRITY_OPTION_UMCI bits when the Device Guard provider could not be read.',
   'Without -EvidencePath or -Evidence it reads the live node (CiTool needs an elevated process). A node whose policies cannot be read at all, such as a Linux host, is an AppControlFactsUnavailable error with the reasons; what could not be read about one policy is written as verbose messages and kept in its Unknowns. -Summary writes one ApplicationControlState per node instead: Mode, KernelMode, the Policies and InactivePolicies collections, HasAzureLocalBasePolicy, counts and Unknowns.'],
  [param('Summary', 'SwitchParameter', 'Writes one ApplicationControlState per node (mode, policies, unknowns) instead of one object per policy.'), EVP, EV],
  [('AzureLocalSecurity.AppControl.Live.ActivePolicy', 'One object per active policy and node.'), ('AzureLocalSecurity.AppControl.Live.ApplicationControlState', 'With -Summary, one object per node.')],
  [('Get-ALApplicationControl', 'Lists the policies active on the live node, with each one\'s mode.'),
   ('Get-ALApplicationControl -EvidencePath .\\node01.zip | Where-Object { -not $_.IsMicrosoftProvided }', 'Lists a captured node\'s own supplemental and base policies, leaving out Microsoft\'s.'),
   ('Get-ChildItem .\\evidence\\*.zip | Get-ALApplicationControl -Summary | Format-Table NodeName, Mode, HasAzureLocalBasePolicy, AuditPolicyCount', 'Shows each captured node\'s App Control mode and whether Azure Local\'s base policy is active.')]),
 command('Get-ALCodeIntegrityEvent',
  'Gets what App Control blocked or would have blocked on a node, from the Code Integrity log, grouped by file and signer or event by event.',
  ['Get-ALCodeIntegrityEvent reads the Microsoft-Windows-CodeIntegrity/Operational events 3076 (audit mode: would have been blocked), 3077 (blocked), 3033 and 3034 (signing level not met, enforced and audit), 3089 (signature information) and 3099 (policy activated), and joins each 3089 to its block or audit event through the Correlation ActivityID.',
   'By default it writes one CodeIntegrityEventGroup per file and signer: Count, FirstSeen, LastSeen, Kinds, Policies, Processes, the SHA-256 hashes and the events themselves, latest first. -Raw writes each event instead (CodeIntegrityEvent: file and process as logged NT paths, signing levels, hashes, policy name and GUID, and the signatures with publisher and issuer). File paths are kept as the log has them (\\Device\\HarddiskVolumeN\\...): FileDisplayPath is the path inside the volume, and which drive letter the volume has is not in the event.',
   'Without -EvidencePath or -Evidence it reads the live node: the last 30 days, or back to -Since, at most 2,000 events (a warning says when the log held more). From a bundle, the events are those the capture kept; a warning says when -Since reaches back before the capture\'s window. Events that cannot be read are a CodeIntegrityEventsUnavailable error with the reason.'],
  [param('Since', 'DateTime', 'Only events logged at or after this time. On the live node also how far back the log is read.'),
   param('Blocked', 'SwitchParameter', 'Only what was blocked (3077, 3033). With -Audited, both.'),
   param('Audited', 'SwitchParameter', 'Only what audit mode would have blocked (3076, 3034). With -Blocked, both.'),
   param('Raw', 'SwitchParameter', 'Writes each event, with its correlated signatures, instead of the groups.'), EVP, EV],
  [('AzureLocalSecurity.AppControl.Live.CodeIntegrityEventGroup', 'One object per file and signer.'), ('AzureLocalSecurity.AppControl.Live.CodeIntegrityEvent', 'With -Raw, one object per event.')],
  [('Get-ALCodeIntegrityEvent -Audited -Since (Get-Date).AddDays(-7)', 'Shows what the audit-mode policy would have blocked on the live node in the last week, file by file, before switching it to enforced.'),
   ('Get-ALCodeIntegrityEvent -EvidencePath .\\node01.zip -Blocked | Sort-Object Count -Descending | Select-Object -First 10', 'Lists the ten files a captured node blocked most often.'),
   ('Get-ALCodeIntegrityEvent -Raw -Blocked | Select-Object TimeCreated, FileName, ProcessName, PolicyName, Signer', 'Lists each block event on the live node with its signer.')]),
 command('Get-ALApplicationControlPolicy',
  'Reads App Control for Business (WDAC) policy files, XML or compiled (.cip, SiPolicy.p7b, signed or not), and shows their identity, mode and size.',
  ['Get-ALApplicationControlPolicy reads each file and writes one SiPolicyFile: the whole policy (Policy: options, EKUs, file rules, signers, signing scenarios, settings), and PolicyId, BasePolicyId, Name (the PolicyInfo Name setting), Version, Type (Base, Supplemental, AppIdTagging), Mode (Audit, Enforced, or BasePolicy for a supplemental policy) and the file rule and signer counts. Whether a file is XML or compiled is told by its content, not its extension. For a compiled policy it also gives the format version (1 to 8), whether it is wrapped in CMS SignedData and the signers\' subjects; the signature is not verified. A compiled policy does not keep IDs, names or friendly names: they are regenerated (ID_ALLOW_A_1, Signer 1, ...).',
   'Reading is bounded (64 MiB; no DTD or external entity in XML; every count of a compiled policy checked against the bytes left). A file that is not a policy is a non-terminating error (AppControlPolicyInvalid) with the parser\'s message, which names the XML line and position or the byte offset; a file that cannot be read is PathNotFound. -Validate adds ValidationIssues: duplicate IDs, references that name nothing or the wrong kind of rule, options a supplemental policy may not have, a base policy whose BasePolicyID is not its PolicyID, unknown option names, and versions, hashes, GUIDs and dates that do not parse (errors); duplicate options, options without a compiled bit, and what the compiler refuses (warnings).'],
  [param('Path', 'String[]', 'Policy files (XML, .cip, .p7b). Wildcards are expanded; FullName and PSPath are accepted from the pipeline, so Get-ChildItem output can be piped.', required=True, pipeline='true (ByValue, ByPropertyName)', position='0', globbing=True),
   param('Validate', 'SwitchParameter', 'Also checks each policy and fills ValidationIssues (errors and warnings, each with a code and the path of the element).')],
  [('AzureLocalSecurity.AppControl.Policy.SiPolicyFile', 'One object per file read.')],
  [('Get-ALApplicationControlPolicy -Path C:\\Windows\\System32\\CodeIntegrity\\CiPolicies\\Active\\*.cip', 'Lists the multiple-format policies deployed on a node, with their mode and whether they are signed.'),
   ('Get-ChildItem .\\Policies -Filter *.xml | Get-ALApplicationControlPolicy -Validate | Where-Object { $_.ValidationIssues }', 'Finds the policy XML files that have validation errors or warnings.'),
   ('(Get-ALApplicationControlPolicy .\\SiPolicy.p7b).Policy.FileRules | Group-Object Kind', 'Counts the rules of a compiled policy by kind.')]),
 command('ConvertTo-ALApplicationControlBinary',
  'Compiles App Control for Business (WDAC) policy XML into a binary policy (.cip) on any operating system, after validating it.',
  ['ConvertTo-ALApplicationControlBinary reads each policy XML file, validates it, and writes the compiled, unsigned policy: to -Destination when it is a file path, or as {PolicyID}.cip inside -Destination when it is an existing folder (SiPolicy.p7b for a policy in the single-policy format, which has no PolicyID). It writes format 7 (8 only for a compiled app settings block read from a binary policy), with file rules, settings and file rule references in the order Microsoft\'s compiler uses. It writes the FileInfo of each file.',
   'A policy with validation errors is not compiled (AppControlPolicyValidationFailed, listing the errors); warnings are written as warnings. What this compiler does not compile is refused (AppControlPolicyNotCompilable): AppSettings (their types are in each app\'s manifest), AppIDTags and AppID tagging policies. A file that is not policy XML is AppControlPolicyInvalid; an existing file is not replaced without -Force (AppControlBinaryExists); a failed write is AppControlBinaryWriteFailed. -WhatIf shows what would be written. The result is not signed: sign it with signtool for a signed policy.'],
  [param('Path', 'String[]', 'Policy XML files. Wildcards are expanded; FullName and PSPath are accepted from the pipeline.', required=True, pipeline='true (ByValue, ByPropertyName)', position='0', globbing=True),
   param('Destination', 'String', 'The binary file to write, or an existing folder to write {PolicyID}.cip into.', required=True, position='1'),
   param('Force', 'SwitchParameter', 'Replaces an existing file.'),
   WHATIF, CONFIRM],
  [('System.IO.FileInfo', 'The compiled policy file, one per policy written.')],
  [('ConvertTo-ALApplicationControlBinary -Path .\\AllowMicrosoft.xml -Destination .\\out', 'Writes out\\{959A0F15-8985-4551-A208-5FFE9EDB3A70}.cip.'),
   ('Get-ChildItem .\\Policies\\*.xml | ConvertTo-ALApplicationControlBinary -Destination C:\\Staging -WhatIf', 'Shows which compiled policies would be written for every XML file in a folder.')]),
]

ACFOLDER = param('RollbackFolder', 'String', 'The folder the policy\'s current compiled file is saved to before the change, as {PolicyId}-{yyyyMMddTHHmmssZ}-{Mode}.cip (a new file, never overwritten, readable and writable by Administrators and SYSTEM only; the folder is created when missing). %ProgramData%\\AzureLocalSecurity\\AppControl\\Rollback when omitted.')
ACEVP = param('EvidencePath', 'String[]', 'Evidence bundles (folders or .zip files from Export-ALSecurityEvidence) to plan for instead of the live node: nothing is changed, the AppControlPlan is written. Wildcards are expanded.', required=True)
ACEV = param('Evidence', 'EvidenceBundle[]', 'Evidence bundles already read with Import-ALSecurityEvidence; as with -EvidencePath, only the plans are written.', required=True)
AC_RESULTS = [('AzureLocalSecurity.AppControl.Changes.AppControlChangeResult', 'On the live node: one per change, with the plan, one outcome per step (CiTool\'s exit code in hex and its message when it failed), Succeeded, RollbackPath and UndoCommand.'),
              ('AzureLocalSecurity.AppControl.Changes.AppControlPlan', 'With -EvidencePath or -Evidence: the plan, with its steps, refusal, warnings, RollbackPath and UndoCommand.')]
AC_COMMON = 'Every change is a plan computed from the node\'s facts (as Get-ALApplicationControl reads them), confirmed once, and run in order: the policy\'s current compiled file is saved to the rollback folder first, and no CiTool step runs unless that copy was written; the compiled policy is staged in a new file under the user\'s temporary folder (Administrators and SYSTEM only), deployed with %windir%\\System32\\CiTool.exe (arguments as a list, a 120-second timeout), and the node is read again to check the result. A refusal is an error with its own id (AppControlFactsUnknown, AppControlCiToolUnavailable, ...) and changes nothing; a failed step is an AppControlStepFailed error. With -EvidencePath or -Evidence nothing is changed and the plan is written. The live node must be Windows with CiTool (Windows Server 2025-based Azure Local, Windows 11 22H2 and later); elsewhere the command stops with BaselineRepairNeedsWindows.'
CMDS += [
 command('Set-ALApplicationControlMode',
  'Switches an App Control for Business base policy between audit and enforced mode on a node, saving its current file for the undo first; refuses to enforce while the audit events show files it would block.',
  ['Set-ALApplicationControlMode sets or clears the "Enabled:Audit Mode" rule option (bit 0x10000 of the compiled policy\'s OptionFlags) in the deployed .cip of an unsigned base policy, leaving every other byte as it is, and deploys it with CiTool --update-policy. The policy is -PolicyId, else Azure Local\'s base policy AS_Base_Policy, else the only active base policy that Microsoft does not provide; when several could be meant, the command is refused and names them (AppControlPolicyAmbiguous). A policy already in the mode asked for is left alone.',
   'Before enforcing, the audit events (3076 and 3034) of the -LookbackDays days (7) before the node\'s facts were read are grouped by file and signer: any refuse the change (AppControlWouldBlock, whose message names the files; the plan carries them in WouldBeBlocked) unless -Force, and so does a Code Integrity log that could not be read. A signed policy is refused (AppControlPolicySigned): its signature covers these bytes; Azure Local switches its base policy with Enable-AsWdacPolicy -Mode, and another signed policy is changed in its XML and signed again.',
   'The undo: the result\'s UndoCommand is Set-ALApplicationControlMode -RollbackPath <the saved copy>, which deploys a saved copy again over the active policy of the same id (after saving the current file, so it is undone the same way). ' + AC_COMMON],
  [param('Mode', 'AppControlMode', 'Audit or Enforced.', required=True, position='0'),
   param('PolicyId', 'Guid', 'The base policy to switch (with -RollbackPath: the policy the saved copy must be of). By default Azure Local\'s base policy, else the only active base policy Microsoft does not provide.'),
   param('LookbackDays', 'Int32', 'How many days of audit events before the facts were read count as what enforcing would block: 1 to 3650, 7 by default. The live node\'s Code Integrity log is read that far back.'),
   param('RollbackPath', 'String', 'A rollback copy a change saved: deployed again over the active policy of the same id (the undo). Its id is read from the file; a copy of a policy that is not active is refused (AppControlRollbackMismatch).', required=True),
   ACFOLDER,
   param('Force', 'SwitchParameter', 'Enforces although audit events show files that would be blocked, or the Code Integrity log could not be read; with -RollbackPath, restores although the deployed file could not be saved first. Each is a warning.'),
   ACEVP, ACEV, WHATIF, CONFIRM],
  AC_RESULTS,
  [('Set-ALApplicationControlMode -Mode Enforced -WhatIf', 'Shows what enforcing Azure Local\'s base policy on this node would do, or why it is refused (with the files the audit events show it would block).'),
   ('Set-ALApplicationControlMode -Mode Audit -PolicyId 5f1c7d2e-0000-4000-8000-000000000001', 'Switches the named base policy to audit mode after confirmation, saving its current file first.'),
   ('Set-ALApplicationControlMode -RollbackPath \'C:\\ProgramData\\AzureLocalSecurity\\AppControl\\Rollback\\{A6368F66-E2C9-4AA2-AB79-8743F6597683}-20261101T083000Z-Enforced.cip\'', 'Undoes a switch: deploys the saved copy again.'),
   ('Set-ALApplicationControlMode -Mode Enforced -EvidencePath .\\node01.zip -LookbackDays 30', 'Plans enforcing for a captured node, counting 30 days of audit events, without changing anything.')]),
 command('Add-ALApplicationControlSupplementalPolicy',
  'Deploys App Control supplemental policies (compiled .cip, or policy XML compiled on the way) to a node with CiTool, after checking that each one\'s base policy is active and allows supplemental policies.',
  ['Add-ALApplicationControlSupplementalPolicy reads each policy file (policy XML is validated and compiled as ConvertTo-ALApplicationControlBinary does: validation errors are AppControlPolicyValidationFailed) and its policy id and base policy id, and refuses a base policy (AppControlNotSupplemental), a supplemental whose base is not active on the node (AppControlBaseNotActive) and one whose base lacks the "Enabled:Allow Supplemental Policies" rule option (AppControlSupplementalsNotAllowed). A signed supplemental for an unsigned base, or the reverse, is a warning. The same policy already active with the same version (or byte for byte the same file) is left alone; an older version active is saved to the rollback folder, then replaced; a newer version active is refused (AppControlVersionDowngrade) unless -Force.',
   'The ids are in the policy\'s body, which the module\'s policy reader reads; a file whose body does not read is refused with AppControlFactsUnknown saying the policy\'s base could not be read. The undo is Remove-ALApplicationControlSupplementalPolicy for a new policy, or Set-ALApplicationControlMode -RollbackPath for a replaced one (the result\'s UndoCommand).',
   AC_COMMON],
  [param('Path', 'String[]', 'The supplemental policy files: compiled (.cip) or policy XML. Wildcards are expanded; FullName is accepted from the pipeline (Get-ChildItem).', required=True, pipeline='true (ByPropertyName)', position='0', globbing=True),
   ACFOLDER,
   param('Force', 'SwitchParameter', 'Deploys an older version over a newer one, or replaces an active version whose file could not be saved first; each is a warning.'),
   ACEVP, ACEV, WHATIF, CONFIRM],
  AC_RESULTS,
  [('Add-ALApplicationControlSupplementalPolicy -Path .\\Contoso-Policy.cip', 'Deploys a supplemental policy to this node after confirmation.'),
   ('Get-ChildItem .\\supplementals\\*.cip | Add-ALApplicationControlSupplementalPolicy -WhatIf', 'Shows what deploying each file would do.')]),
 command('Remove-ALApplicationControlSupplementalPolicy',
  'Removes App Control supplemental policies from a node with CiTool, saving each one\'s file for the undo first; base policies and Microsoft\'s are refused.',
  ['Remove-ALApplicationControlSupplementalPolicy saves the policy\'s compiled file to the rollback folder, runs CiTool --remove-policy {PolicyId} --json, and reads the node again to check that the policy is no longer active. A policy that is not active is left alone (a verbose message says so). A base policy, a policy whose kind is not known and a policy Microsoft provides are refused (AppControlPolicyProtected, AppControlFactsUnknown); a policy whose file could not be read is refused unless -Force, since it could not be saved for the undo.',
   'The undo is Add-ALApplicationControlSupplementalPolicy -Path <the saved copy> (the result\'s UndoCommand). Windows may keep a removed policy in effect until the node restarts, and a policy deployed by another channel (Group Policy, MDM, Azure Local\'s Add-ASWDACSupplementalPolicy) may be deployed again by it.',
   AC_COMMON],
  [param('PolicyId', 'Guid[]', 'The supplemental policies\' ids. PolicyId is accepted from the pipeline, so Get-ALApplicationControl | Where-Object ... | Remove-ALApplicationControlSupplementalPolicy works.', required=True, pipeline='true (ByPropertyName)', position='0'),
   ACFOLDER,
   param('Force', 'SwitchParameter', 'Removes a policy whose file could not be read, without saving it first (a warning).'),
   ACEVP, ACEV, WHATIF, CONFIRM],
  AC_RESULTS,
  [('Remove-ALApplicationControlSupplementalPolicy -PolicyId 2112036a-74e9-47dc-a016-f126297a3427', 'Removes the supplemental policy after confirmation, saving its file first.'),
   ('Get-ALApplicationControl | Where-Object { $_.PolicyType -eq \'Supplemental\' -and -not $_.IsMicrosoftProvided } | Remove-ALApplicationControlSupplementalPolicy -WhatIf', 'Shows what removing every supplemental policy of this node that Microsoft does not provide would do.')]),
]

CMDS += [
 command('Get-ALBootMeasurement',
  'Reads measured-boot logs (TCG event logs) and writes each record with its decoded data, or with -Replay the PCR values the log describes.',
  ['Get-ALBootMeasurement reads TCG PC Client event logs from files: a Windows measured-boot log (C:\\Windows\\Logs\\MeasuredBoot\\*.log, SHA-1 or crypto-agile), Linux\'s /sys/kernel/security/tpm0/binary_bios_measurements copied to a file, or a firmware log. It writes one TcgEvent per record: Index, PcrIndex (0xFFFFFFFF for a Windows record that extends nothing), EventType, the Digests of every bank, and Decoded, the event data as readable facts with a one-line Summary: the Spec ID and StartupLocality records, separators (WBCL for Windows), UEFI variables (SecureBoot, PK, KEK, db and dbx recognised by name and GUID; BootOrder and Boot#### decoded), image loads with their device path as UEFI text, the GPT with its partitions, firmware blobs, handoff tables, action and IPL strings, and Windows EV_EVENT_TAG records as a tree of SIPA events (trust boundaries, boot counter, loaded modules with their path, hash and signer, the ELAM driver, Code Integrity, test signing, VSM and hypervisor settings, BitLocker unlock flags, App Control policies). Data that does not decode is kept as bytes and Decoded.DecodeProblem says why. Each object carries the file it came from as a Path note.',
   'With -Replay it writes the value each PCR of each bank has after every record was extended into it (ReplayedPcr: Bank, Pcr, Value, ExtendCount), for every PCR at least one record was extended into: what a TPM quote of that PCR must show if the log is the log of the boot. PCRs 17 to 22 start at all ones, a StartupLocality record sets the last byte of PCR 0\'s start value, EV_NO_ACTION records and records for PCR index 0xFFFFFFFF are not extended. An SM3 bank has no value here (Unknown says why), nor has a bank some record carries no digest for.',
   'A file that is not a well-formed log (a record cut short, a size that overruns, a digest of an algorithm the Spec ID event does not declare, more than 64 MiB) is a BootMeasurementLogInvalid error naming the byte; a file that cannot be read is a PathNotFound error. Each file is read on its own: one bad file does not stop the others. The live node\'s logs are not read by this command yet (docs/measured-boot.md).'],
  [param('Path', 'String[]', 'Log files to read. Wildcards are expanded; FullName is accepted from the pipeline, so Get-ChildItem output can be piped in.', required=True, pipeline='true (ByValue, ByPropertyName)', position='0', globbing=True),
   param('Replay', 'SwitchParameter', 'Writes the replayed PCR values (one ReplayedPcr per bank and PCR a record was extended into) instead of the records.')],
  [('AzureLocalSecurity.MeasuredBoot.TcgEvent', 'One per record of each log.'), ('AzureLocalSecurity.MeasuredBoot.ReplayedPcr', 'With -Replay, one per bank and extended PCR of each log.')],
  [('Get-ALBootMeasurement -Path C:\\Windows\\Logs\\MeasuredBoot\\0000000042-0000000000.log', 'Lists every record of one boot\'s log with a one-line summary of its data.'),
   ('Get-ChildItem C:\\Windows\\Logs\\MeasuredBoot\\*.log | Select-Object -Last 1 | Get-ALBootMeasurement -Replay | Where-Object Bank -eq sha256', 'Replays the latest log and shows the SHA-256 PCR values it describes.'),
   ('(Get-ALBootMeasurement -Path .\\boot.log | Where-Object EventType -eq EventTag).Decoded.AllSipaEvents() | Where-Object Name -eq FilePath | Select-Object -ExpandProperty Text', 'Lists the files Windows measured as loaded during boot.')]),
]

CMDS += [
 command('Test-ALSecurityPosture',
  'Assesses a node\'s whole security posture in one call: the security baseline, Secured-core, the Secure Boot certificate rollover, BitLocker, App Control, the TPM and the platform, as one stream of results or one summary per node.',
  ['Test-ALSecurityPosture runs every area\'s checks on one node and writes their SecurityCheckResults one by one: Baseline (every rule of the latest shipped baseline, the AD-less or domain-joined list chosen from the node\'s membership as Test-ALSecurityBaseline chooses it), SecuredCore (ALSEC-SC-*), SecureBoot (ALSEC-SB-*, expiry judged as of now), BitLocker (ALSEC-BL-001 to -007: the OS volume fully encrypted with XTS-AES 256, protection on, a TPM and a recovery password protector; each CSV and fixed data volume encrypted, protected and with a recovery password), AppControl (ALSEC-AC-001 to -004: App Control active, Azure Local\'s base policy active, enforced rather than audit, every supplemental policy\'s base active), Tpm (ALSEC-TPM-001 to -006: present, 2.0, enabled and activated, ready, an EK certificate, the SHA-256 PCR bank) and Platform (ALSEC-PLAT-*). A fact that could not be read is Unknown with the reason, never NonCompliant; an area that does not apply (BitLocker on a Linux host) is NotApplicable. An area whose analysis fails is one Error result (ALSEC-POSTURE-<AREA>) and the other areas still run.',
   'With -Framework only the results mapped to a control of that framework are kept: baseline rules carry the CIS, STIG and NIST SP 800-53 controls of the catalog (the 2610 catalogs map them), in the result\'s Controls property. With -Summary one SecurityPostureSummary per node is written instead: counts by status and severity per area and overall, CompliancePercentage = Compliant / (Compliant + NonCompliant) (Unknown, Error and NotApplicable are counted and shown but left out of it), the -Top findings (NonCompliant by severity, then Unknown and Error), per-control counts with the worst status, and the results in its Results property.',
   '-EvidencePath takes bundles (zip files or bundle folders) or folders of bundles: each bundle of a folder is read, assessed, written and let go before the next, so a folder of many nodes takes the memory of one. A bundle that cannot be read is a non-terminating error (EvidenceBundleDamaged, EvidenceBundleNotFound, ...) and the others go on; a folder holding no bundle is an EvidenceFolderEmpty error. Without -EvidencePath or -Evidence the live node is captured with every fact the areas need (run elevated on Windows).'],
  [param('Area', 'PostureArea[]', 'The areas to assess: Baseline, SecuredCore, SecureBoot, BitLocker, AppControl, Tpm, Platform. All when omitted.'),
   param('Framework', 'ComplianceFramework', 'CIS, STIG or NIST80053: keeps only the results mapped to a control of that framework, and the summary counts per control of it.'),
   param('Summary', 'SwitchParameter', 'Writes one SecurityPostureSummary per node instead of the results; its Results property holds them.'),
   param('Top', 'Int32', 'How many top findings the summary keeps; 10 by default.'),
   param('EvidencePath', 'String[]', 'Evidence bundles (folders or .zip files from Export-ALSecurityEvidence), or folders holding bundles, to assess instead of the live node. Wildcards are expanded; FullName is accepted from the pipeline.', required=True, pipeline='true (ByPropertyName)'),
   EV],
  [('AzureLocalSecurity.Results.SecurityCheckResult', 'By default: every result of every area assessed, one by one.'),
   ('AzureLocalSecurity.Posture.SecurityPostureSummary', 'With -Summary: one per node.')],
  [('Test-ALSecurityPosture -Summary', 'Summarizes the live node\'s posture: compliance percentage, counts per area and the ten worst findings.'),
   ('Test-ALSecurityPosture -EvidencePath .\\bundles -Summary | Sort-Object CompliancePercentage | Format-Table NodeName, CompliancePercentage, NonCompliant, Unknown', 'Assesses every bundle in a folder, one at a time, and lists the nodes worst first.'),
   ('Test-ALSecurityPosture -EvidencePath .\\node01.zip -Area BitLocker, AppControl, Tpm | Where-Object Status -ne Compliant', 'Shows the BitLocker, App Control and TPM findings of a captured node.'),
   ('(Test-ALSecurityPosture -EvidencePath .\\node01.zip -Framework NIST80053 -Summary).Controls | Where-Object WorstStatus -eq NonCompliant', 'Lists the NIST SP 800-53 controls with at least one non-compliant baseline rule.')]),
 command('Invoke-ALSecurityAssessment',
  'Assesses many nodes at once over PowerShell remoting: each node runs a capture script sent as text (no module needed there), and its facts are analyzed here, every result tagged with its node.',
  ['Invoke-ALSecurityAssessment connects to remote machines. It runs Invoke-Command -AsJob against the nodes (-ComputerName, -Session, or the nodes of -Cluster) with a capture script sent as text, so the module is installed only where the assessment runs; each node returns one JSON document of raw facts, which is read into an evidence bundle and analyzed on this machine. Results are written as each node answers, at most -ThrottleLimit nodes (32) connected at once. It only reads: nothing on the nodes is changed, so it has no -WhatIf.',
   'Remoting is WinRM with Kerberos by default (Negotiate), as the current user or -Credential; the account must be an administrator on each node. CredSSP is refused (CredSspRefused): it delegates your credentials to every node, and the assessment needs no second hop.',
   'Every result carries NodeName, the node\'s name as it captured itself; when the name you gave differs (a FQDN, an alias, an address), the result also has a PSComputerName note with the name you gave. A node that fails (unreachable, access denied, the script failed, its answer could not be read, a cluster node not Up) is written as a NodeAssessmentFailed error (ConnectionError or InvalidData, the target is the node\'s name) and as one result ALSEC-FLEET-001, area Fleet, status Error, with the reason, so a report still shows it; the other nodes go on.',
   'With -Cluster, Get-ClusterNode runs on the cluster name over remoting; nodes that are not Up are reported as failed (reason "node state is Down", "node state is Paused", ...) and the rest are assessed. If the nodes cannot be listed at all, the command stops (ClusterExpansionFailed).',
   'With -EvidenceOutputPath each node\'s bundle is also saved there as <node>.zip (replacing a file of that name), so the same analysis can be run again offline, for example Test-ALSecuredCore -EvidencePath <folder>\\*.zip. See docs/fleet.md.'],
  [param('ComputerName', 'String[]', 'The nodes to assess. Accepted from the pipeline as strings, and by property name DNSHostName, Name or CN, so Get-ClusterNode and Get-ADComputer output can be piped in (an object with DNSHostName binds that).', required=True, pipeline='true (ByValue, ByPropertyName)', position='0'),
   param('Session', 'PSSession[]', 'Open sessions (New-PSSession) to run the capture in; their own connection settings apply. Accepted from the pipeline.', required=True, pipeline='true (ByValue)'),
   param('Cluster', 'String', 'A failover cluster name: its nodes are listed with Get-ClusterNode on it, the nodes that are Up are assessed and the others reported as failed.', required=True),
   param('Credential', 'PSCredential', 'The account to connect with; by default the current user (Kerberos in a domain).'),
   param('Authentication', 'AuthenticationMechanism', 'The WinRM authentication: Default (Negotiate, Kerberos in a domain), Negotiate, Kerberos, Basic, Digest, NegotiateWithImplicitCredential. Credssp is refused.'),
   param('Port', 'Int32', 'The WinRM port, when not the default (5985, or 5986 with -UseSSL).'),
   param('UseSSL', 'SwitchParameter', 'Connects over HTTPS (WinRM\'s HTTPS listener).'),
   param('ThrottleLimit', 'Int32', 'How many nodes are connected at once: 32 by default, as Invoke-Command.'),
   param('Area', 'String[]', 'The areas to analyze, such as SecuredCore; all when omitted.'),
   param('Since', 'DateTime', 'How far back the capture reads event logs; the capture\'s own default when omitted.'),
   param('EvidenceOutputPath', 'String', 'A folder to also save each node\'s evidence bundle in, as <node>.zip, for an offline re-run of the same analysis. Created when missing.'),
   param('Summary', 'SwitchParameter', 'Writes one summary object per node instead of its results (the results are written while no summary is available for the analysis).')],
  [('AzureLocalSecurity.Results.SecurityCheckResult', 'The results of every node, with NodeName (and PSComputerName when the name given differs); ALSEC-FLEET-001 for a node that failed.')],
  [('Invoke-ALSecurityAssessment -Cluster hci-cl01', 'Assesses every node of the cluster that is Up; nodes that are not Up appear as ALSEC-FLEET-001 errors.'),
   ('Get-ClusterNode -Cluster hci-cl01 | Invoke-ALSecurityAssessment -EvidenceOutputPath .\\evidence', 'Assesses the nodes piped in (by their Name) and saves each node\'s bundle as .\\evidence\\<node>.zip.'),
   ('Invoke-ALSecurityAssessment -ComputerName node01, node02 -Credential (Get-Credential) -ThrottleLimit 8 | Where-Object Status -ne Compliant | Sort-Object NodeName, Id', 'Lists what is not compliant on two nodes, connecting as another account, eight nodes at most at once.'),
   ('$s = New-PSSession -ComputerName node01, node02; Invoke-ALSecurityAssessment -Session $s -Area SecuredCore', 'Runs the Secured-core assessment in sessions already open.')]),
 command('Export-ALSecurityReport',
  'Writes check results to one report file: JSON, CSV, HTML, SARIF 2.1.0, JUnit XML or CEF.',
  ['Export-ALSecurityReport collects every result it is given (SecurityCheckResult from any Test- cmdlet, BaselineRuleResult from Test-ALSecurityBaseline, or objects wrapping them) and writes one file when the pipeline ends; anything else is a ReportInputUnsupported error naming its type, and the others are still written. The file is UTF-8 without a byte order mark, written to a temporary file beside the target and renamed over it only when complete, so a failure leaves no half file. An existing file is refused (ReportFileExists) unless -Force.',
   'Json is the module\'s versioned document (schema https://azurelocalsecurity.github.io/schemas/report/1.0, schemaVersion 1; the JSON Schema ships as module/schemas/alsec-report-1.schema.json) with a summary (counts by status, severity, area and node, and compliance: Compliant of Compliant + NonCompliant) and every field of every result; Import-ALSecurityReport reads it back. Csv is RFC 4180, one row per result, and a cell that begins with = + - @, a tab or CR gets a leading apostrophe so a spreadsheet never runs it as a formula. Html is one self-contained page (no external resource, inline SVG charts, a table that filters and sorts in the browser; the URL fragment sets filters, as in report.html#status=NonCompliant). Sarif is SARIF 2.1.0 with one rule per check id (NonCompliant is kind fail with a level from the severity; Compliant pass, NotApplicable notApplicable, Unknown open, Error review, each level none). JUnit has a test suite per node and area (NonCompliant failure, Unknown and Error error, NotApplicable skipped). Cef writes one Common Event Format line per result laid out as Azure Local\'s syslog forwarder lays out its events (docs/reports.md has every mapping).'],
  [param('InputObject', 'PSObject[]', 'The results. Usually piped: Test-ALSecuredCore | Export-ALSecurityReport ...', required=True, pipeline='true (ByValue)'),
   param('Path', 'String', 'The file to write.', required=True, position='0'),
   param('Format', 'ReportFormat', 'Json, Csv, Html, Sarif, JUnit or Cef.', required=True, position='1'),
   param('Title', 'String', 'The report\'s title (AzureLocalSecurity report by default).'),
   param('SyslogHeader', 'SwitchParameter', 'With -Format Cef: prefixes each line with the RFC 3164 header (PRI, time, host) that Azure Local\'s syslog forwarder sends. Not allowed with other formats.'),
   param('Force', 'SwitchParameter', 'Replaces an existing file.'),
   param('PassThru', 'SwitchParameter', 'Writes the report file\'s FileInfo to the pipeline.'),
   WHATIF, CONFIRM],
  [('System.IO.FileInfo', 'With -PassThru, the written file.')],
  [('Test-ALSecuredCore | Export-ALSecurityReport -Format Html -Path .\\securedcore.html', 'Writes an HTML page of the Secured-core checks; open it in any browser, even offline.'),
   ('Test-ALSecurityBaseline -EvidencePath .\\nodes\\*.zip | Export-ALSecurityReport -Format Sarif -Path .\\baseline.sarif -Force', 'Writes the baseline verdicts of several captured nodes as SARIF for a pipeline, replacing the last run\'s file.'),
   ('Test-ALPlatform | Export-ALSecurityReport -Format Cef -Path .\\platform.cef -SyslogHeader', 'Writes CEF lines with the forwarder\'s syslog prefix for a SIEM file collector.')]),
 command('Import-ALSecurityReport',
  'Reads the results of JSON reports written by Export-ALSecurityReport back into SecurityCheckResult objects.',
  ['Import-ALSecurityReport reads JSON reports of schema version 1 (properties it does not know are ignored) and writes each result as a SecurityCheckResult, in the file\'s order, so a report can be compared, filtered or written again in another format. A file of another schema version is a ReportSchemaUnsupported error; a file that is not a report, or a result that is not valid (a missing id, an unknown status, an Unknown result without a reason), is a ReportFileInvalid error naming the JSON path; a missing file is PathNotFound. Each file is read on its own: one bad file does not stop the others.'],
  [param('Path', 'String[]', 'Report files. Wildcards are expanded.', required=True, pipeline='true (ByValue, ByPropertyName)', position='0', globbing=True),
   param('LiteralPath', 'String[]', 'Report files taken exactly as written; FullName is accepted from the pipeline.', required=True, pipeline='true (ByPropertyName)')],
  [('AzureLocalSecurity.Results.SecurityCheckResult', 'One per result in each report.')],
  [('Import-ALSecurityReport -Path .\\nightly.json | Where-Object Status -eq NonCompliant', 'Lists the failed checks of a saved report.'),
   ('Import-ALSecurityReport -Path .\\nightly.json | Export-ALSecurityReport -Format Html -Path .\\nightly.html', 'Turns a saved JSON report into an HTML page.')]),
 command('Get-ALBootSecurityState',
  'Reads measured-boot logs and writes what each proves about its boot, each fact tied to the record that proves it.',
  ['Get-ALBootSecurityState reads TCG PC Client event logs from files (a Windows measured-boot log from C:\\Windows\\Logs\\MeasuredBoot, Linux\'s binary_bios_measurements copied to a file, a firmware log) and writes one BootSecurityState per log: whether Secure Boot was on (the SecureBoot variable the firmware measured into PCR 7), the PK, KEK, db and dbx measured at boot with their certificates named (Microsoft\'s certificates by their published names), the db entries that authorized boot applications (EV_EFI_VARIABLE_AUTHORITY), and for a Windows boot the facts its boot manager and loader measured as SIPA events: boot, kernel and hypervisor debugging, test and flight signing, code integrity, safe mode, VSM, HVCI, Credential Guard (LSAISO), the BitLocker unlock method, the ELAM driver and the App Control policies measured, plus DRTM. Every fact has Enabled (true, false, or null when the log does not say), a Value in words, the EventIndex and PcrIndex of the record that proves it, and a Reason when it is undecided.',
   'A value measured by several boot applications is decided by the worst: debugging or test signing on in any of them is on; code integrity off in any of them is off. HVCI and Credential Guard are off when the log proves VSM was not launched, and unknown when VSM was launched without their events. DRTM is unknown, not off, when the log has no dynamic measurement: Windows keeps those in a separate log.',
   'What a log proves holds only if the log is the log of the boot: replay it against the TPM\'s PCRs before trusting it (docs/measured-boot.md). A file that is not a well-formed log is a BootMeasurementLogInvalid error naming the byte; each file is read on its own.'],
  [param('Path', 'String[]', 'Log files to read. Wildcards are expanded; FullName is accepted from the pipeline, so Get-ChildItem output can be piped in.', required=True, pipeline='true (ByValue, ByPropertyName)', position='0', globbing=True),
   param('Detailed', 'SwitchParameter', 'Writes each fact as its own object (BootSecurityFact, with the log\'s Path) instead of one state per log.')],
  [('AzureLocalSecurity.MeasuredBoot.Security.BootSecurityState', 'One per log.'), ('AzureLocalSecurity.MeasuredBoot.Security.BootSecurityFact', 'With -Detailed, one per fact of each log.')],
  [('Get-ChildItem C:\\Windows\\Logs\\MeasuredBoot\\*.log | Select-Object -Last 1 | Get-ALBootSecurityState', 'Shows what the latest boot\'s log proves.'),
   ('Get-ALBootSecurityState -Path .\\boot.log -Detailed | Where-Object Enabled -ne $false', 'Lists the facts that are on or undecided, with the record that proves each.')]),
]

CMDS += [
 command('Test-ALBootIntegrity',
  'Replays the measured-boot log and compares every PCR it describes with the TPM\'s value, per PCR and bank.',
  ['Test-ALBootIntegrity replays the node\'s measured-boot log (the current boot\'s log from TBS on Windows, from securityfs on Linux, or the log file given with -Path) and compares the value of every PCR the log extended, in every bank the log and the TPM both have, with the TPM\'s live value (read from the platform TPM, a TPM at -TpmEndpoint, or the PCR values of an evidence bundle). It writes one PcrIntegrityResult per bank and PCR: Match proves the log is the record of this boot for that PCR, so what Get-ALBootSecurityState reads from it can be trusted; Mismatch names a PCR whose records were added, dropped or changed, or a log of another boot; Unknown says why no comparison was possible (a bank the TPM does not have).',
   'With -EvidencePath, bundles written by Export-ALSecurityEvidence are used: their log and their PCR values were captured together on the node. A bundle without a log is a BootMeasurementLogUnavailable error with the reason the capture recorded.'],
  [param('Path', 'String', 'A log file to replay instead of the node\'s current log. Needed with -TpmEndpoint, whose TPM did not boot this machine.', position='0'),
   param('Pcr', 'Int32[]', 'The PCRs to compare. All the log extends by default.'),
   param('TpmEndpoint', 'String', 'Reads the TPM at this TCP endpoint (host:port, a software TPM such as swtpm) instead of the platform TPM.'),
   param('EvidencePath', 'String[]', 'Evidence bundles (folders or .zip files) to use instead of the live node.', required=True, pipeline='true (ByPropertyName)'),
   param('Evidence', 'EvidenceBundle[]', 'Evidence bundles already imported with Import-ALSecurityEvidence.', required=True, pipeline='true (ByValue)')],
  [('AzureLocalSecurity.MeasuredBoot.Attestation.PcrIntegrityResult', 'One per bank and PCR the log extended, with a ComputerName note.')],
  [('Test-ALBootIntegrity | Where-Object Status -ne Match', 'Shows the PCRs where the current boot\'s log and the TPM disagree; nothing means the log is proven.'),
   ('Test-ALBootIntegrity -TpmEndpoint 127.0.0.1:2321 -Path .\\boot.log', 'Compares a log with a software TPM.')]),
 command('Get-ALTpmQuote',
  'Has the TPM sign its PCR values with the verifier\'s nonce, for Test-ALTpmQuote to verify here or elsewhere.',
  ['Get-ALTpmQuote creates an attestation key as a primary object under the endorsement (default) or owner hierarchy (a restricted ECDSA P-256 signing key; the same template under the same hierarchy gives the same key until the hierarchy\'s seed changes), has the TPM quote the selected PCRs of one bank with the verifier\'s nonce (TPM2_Quote), reads the same PCRs, and flushes the key. It writes a TpmQuoteReport whose fields are text and numbers, so it travels to the verifying machine with Export-Clixml, remoting or ConvertTo-Json: the nonce, bank, PCRs and their values, the key\'s TPMT_PUBLIC and the TPM\'s whole response, plus the clock, reset and restart counts it decoded. If a PCR changes between the quote and the read, the quote is taken again (up to three times).',
   'The attestation key is not certified by the endorsement key here (no MakeCredential/ActivateCredential): a verifier must know the key is this TPM\'s by other means, such as comparing AttestationKeyPublic with a value recorded when the node was commissioned (docs/measured-boot.md).'],
  [param('Nonce', 'Object', 'The verifier\'s nonce: hexadecimal text or bytes, 1 to 32 bytes. Use a new random nonce for every quote.', required=True, position='0'),
   param('Pcr', 'Int32[]', 'The PCRs to quote. 0-7 and 11-14 by default.'),
   param('Bank', 'String', 'The bank to quote: sha1, sha256 (default), sha384 or sha512.'),
   param('Hierarchy', 'String', 'The hierarchy the attestation key is created under: Endorsement (default) or Owner.'),
   param('TpmEndpoint', 'String', 'Quotes the TPM at this TCP endpoint (host:port, a software TPM such as swtpm) instead of the platform TPM.')],
  [('AzureLocalSecurity.MeasuredBoot.Attestation.TpmQuoteReport', 'The quote and everything needed to verify it.')],
  [('$nonce = -join ((1..16) | ForEach-Object { \'{0:X2}\' -f (Get-Random -Maximum 256) }); Invoke-Command -ComputerName node1 { Get-ALTpmQuote -Nonce $using:nonce } | Test-ALTpmQuote -Nonce $nonce', 'Quotes node1\'s TPM with a fresh nonce and verifies the quote on the admin machine.')]),
 command('Test-ALTpmQuote',
  'Verifies a TPM quote: key, signature, nonce, PCR digest, optionally the measured-boot log and the clock.',
  ['Test-ALTpmQuote re-decodes the TPM\'s response and the attestation key from the quote and checks, in order: Decode; AttestationKey (a restricted, fixedTPM signing key); QualifiedSigner (the quote was signed by that key as a primary object of the stated hierarchy); Signature (over TPMS_ATTEST); Nonce (the quote\'s extraData is the nonce the verifier gave, never taken from the quote); PcrSelection; PcrDigest (the PCR values hash to the signed digest); with -Path, Log (the log replays to every quoted PCR it extends; each PCR that does not is named in MismatchedPcrs); and Clock (the safe flag, and with -Previous that the reset and restart counts and the clock did not run backwards). Verified is true only when Decode, Signature, Nonce and PcrDigest passed and no check failed.',
   'Change one record of the log and the Log check fails naming its PCR; change a PCR value and PcrDigest fails; change a byte of the signed data and Signature fails.'],
  [param('Quote', 'PSObject', 'The quote from Get-ALTpmQuote, or the same object after Export-Clixml/Import-Clixml, remoting or ConvertFrom-Json.', required=True, pipeline='true (ByValue)', position='0'),
   param('Nonce', 'Object', 'The nonce given to Get-ALTpmQuote (bytes or hexadecimal text).', required=True, position='1'),
   param('Path', 'String', 'A measured-boot log to compare with the quoted PCRs.'),
   param('Previous', 'PSObject', 'An earlier quote of the same TPM, for the clock check.')],
  [('AzureLocalSecurity.MeasuredBoot.Attestation.TpmQuoteVerification', 'One per quote: Verified, Checks, Pcrs, MismatchedPcrs, Failures.')],
  [('$q | Test-ALTpmQuote -Nonce $nonce -Path .\\node1-boot.log | Select-Object Verified, MismatchedPcrs', 'Verifies a quote against the node\'s boot log.')]),
]

CMDS += [
 command('New-ALSecurityEvidence',
  'Builds an evidence bundle from files Windows\' own tools wrote on a node, so a node where the module cannot be installed is assessed anywhere.',
  ['New-ALSecurityEvidence -FromPath reads every file in a folder (and its subfolders, four levels deep) and recognizes each by its content, never by its name alone: the JSON Get-ALEvidenceCollectionScript\'s script saves; auditpol /backup CSV; secedit /export INF; reg export (.reg, UTF-16 or UTF-8, REGEDIT4 too); Export-Clixml of Get-CimInstance for Win32_DeviceGuard, Win32_Tpm, Win32_EncryptableVolume, MSFT_SmbServerConfiguration, MSFT_SmbClientConfiguration, MSFT_MpComputerStatus and MSCluster_Cluster; CiTool --list-policies --json; Code Integrity and TPM-WMI events as XML (wevtutil qe /f:xml, or ToXml() of Get-WinEvent); SiPolicy.p7b and driversipolicy.p7b. Each becomes the evidence the native collectors file, under the same ids, so Test-ALSecurityBaseline, Test-ALSecuredCore, Test-ALSecurityPosture and the rest read the bundle unchanged.',
   'Locale does not matter: GUIDs, SIDs and numbers are read, never localized names. A file that cannot be read is a warning naming the file and the reason (the line or offset where the parser stopped); the others are still read, and the list of every file with what became of it is in the bundle as the evidence item import/files. Facts no file holds are Unknown in the analyses, never NonCompliant. A Registry.pol is skipped: it is what a GPO sets, not what the node holds (use Test-ALSecurityBaseline -GpoBackupPath). Pipe the bundle to Export-ALSecurityEvidence to save it.'],
  [param('FromPath', 'String', 'The folder holding the files.', required=True, position='0', pipeline='true (ByPropertyName)'),
   param('NodeName', 'String', 'The node\'s name; by default the name the capture document or the auditpol backup gives, else the folder\'s name.')],
  [('AzureLocalSecurity.Evidence.EvidenceBundle', 'The bundle built from the files.')],
  [('New-ALSecurityEvidence -FromPath .\\node01-files | Test-ALSecurityPosture', 'Assesses a locked-down node from the files an admin copied off it.'),
   ('New-ALSecurityEvidence -FromPath .\\node01-files | Export-ALSecurityEvidence -Path .\\node01.zip', 'Saves the bundle for later.')]),
 command('Get-ALEvidenceCollectionScript',
  'Prints a script that captures a node\'s security facts with in-box commands only, the same capture Invoke-ALSecurityAssessment runs over remoting.',
  ['Get-ALEvidenceCollectionScript writes the module\'s capture script (Windows PowerShell 5.1 or PowerShell 7, no module, no Add-Type, no secret read) with its arguments written in: the registry keys, user rights and built-in accounts the latest shipped baselines read (both profiles), the Secure Boot variables, and the Code Integrity and Secure Boot servicing event queries. Run the printed script on a node as an administrator; it saves <COMPUTERNAME>.alsec-capture.json into its -OutputFolder (the current folder by default) and prints the path. New-ALSecurityEvidence -FromPath reads that file (with any other in-box outputs beside it) to the same bundle Invoke-ALSecurityAssessment would have built.'],
  [param('Since', 'DateTime', 'The oldest Code Integrity event to capture; by default the last seven days before the script runs.'),
   param('MaxEvents', 'Int32', 'The most Code Integrity events to capture (1 to 100,000; 2,000 by default).')],
  [('System.String', 'The script.')],
  [('Get-ALEvidenceCollectionScript | Set-Content -Path .\\Collect-ALEvidence.ps1 -Encoding UTF8', 'Saves the script to copy to a locked-down node; there, .\\Collect-ALEvidence.ps1 -OutputFolder D:\\ writes the file to bring back.')]),
 command('Get-ALPrivilegedAccess',
  'Gets who holds administrative power on a node and how it is reached: privileged group members, JEA endpoints, CredSSP, WinRM, Remote Desktop and LAPS.',
  ['Get-ALPrivilegedAccess reads the members of the privileged local groups, found by well-known SID (Administrators S-1-5-32-544, Power Users -547, Account Operators -548, Server Operators -549, Print Operators -550, Backup Operators -551, Remote Desktop Users -555, Hyper-V Administrators -578, Remote Management Users -580), and writes one PrivilegedGrant per member: the group SID and its local name (for display only), the member SID, its name as the node resolved it, its type (SID_NAME_USE), Nested when the member is itself a group, and Allowed when it is a break-glass account. Local group memberships are standing: Expires is empty. It then writes one JeaEndpoint per PowerShell session configuration (run-as identity, roles, the commands their role capabilities make visible, and the unconstrained ones) and one RemoteAccessSettings (CredSSP server and client, WinRM listeners, Remote Desktop and NLA, the active LAPS policy root).',
   'The time-bound memberships Active Directory grants (the TTL of a group link) are not read by this version: the members of a nested domain group are not expanded.'],
  [param('AllowedAdministrator', 'String[]', 'Accounts (SIDs, or names as DOMAIN\\name or bare) marked Allowed. Default: the built-in Administrator (RID 500 of the node) and Domain Admins (RID 512 of the node\'s domain).'),
   param('EvidencePath', 'String[]', 'Evidence bundles (folders or .zip files) to analyze instead of the live node.', required=True, pipeline='true (ByPropertyName)'),
   param('Evidence', 'EvidenceBundle[]', 'Evidence bundles already imported with Import-ALSecurityEvidence.', required=True, pipeline='true (ByValue)')],
  [('AzureLocalSecurity.PrivilegedAccess.PrivilegedGrant', 'One per member of a privileged group.'),
   ('AzureLocalSecurity.PrivilegedAccess.JeaEndpoint', 'One per session configuration.'),
   ('AzureLocalSecurity.PrivilegedAccess.RemoteAccessSettings', 'One per node.')],
  [('Get-ALPrivilegedAccess | Where-Object { $_ -is [AzureLocalSecurity.PrivilegedAccess.PrivilegedGrant] -and -not $_.Allowed }', 'Lists the standing members that are not break-glass accounts.'),
   ('Get-ALPrivilegedAccess -EvidencePath .\\node1.zip', 'Reads a bundle captured with Export-ALSecurityEvidence.')]),
 command('Test-ALPrivilegedAccess',
  'Checks privileged access: standing admins, CredSSP, WinRM over HTTPS, Remote Desktop and NLA, JEA roles and LAPS (ALSEC-PA-001 to 008).',
  ['Test-ALPrivilegedAccess writes one SecurityCheckResult per check: ALSEC-PA-001 Administrators holds no standing member beyond the allowed accounts; 002 the other privileged groups neither; 003 the WinRM service does not accept CredSSP; 004 the WinRM client does not use it; 005 WinRM listens over HTTPS only; 006 Remote Desktop is off or requires Network Level Authentication; 007 no JEA endpoint exposes an unconstrained command (Invoke-Expression, Add-Type, Start-Process, a shell, a wildcard that covers one) or runs a Default session or FullLanguage; 008 LAPS manages the local administrator\'s password. Groups are found by well-known SID, so a localized node reads the same. A policy value wins over the local setting. A fact that was not read is Unknown with its reason, never NonCompliant.'],
  [param('AllowedAdministrator', 'String[]', 'The break-glass accounts (SIDs, or names as DOMAIN\\name or bare) that may hold standing rights. Default: the built-in Administrator (RID 500 of the node) and Domain Admins (RID 512 of the node\'s domain). Naming any replaces the default, so name those too if they are meant to stay.'),
   param('EvidencePath', 'String[]', 'Evidence bundles (folders or .zip files) to analyze instead of the live node.', required=True, pipeline='true (ByPropertyName)'),
   param('Evidence', 'EvidenceBundle[]', 'Evidence bundles already imported with Import-ALSecurityEvidence.', required=True, pipeline='true (ByValue)')],
  [('AzureLocalSecurity.Results.SecurityCheckResult', 'One per check.')],
  [('Test-ALPrivilegedAccess | Where-Object Status -ne Compliant', 'Shows the privileged-access findings of this node.'),
   ('Test-ALPrivilegedAccess -AllowedAdministrator \'S-1-5-21-1-2-3-500\',\'CONTOSO\\Domain Admins\',\'CONTOSO\\lcm-deploy\'', 'Allows the deployment account as a standing administrator.')]),
 command('Test-ALSecurityLogging',
  'Tests whether a node\'s security events reach a SIEM and are kept long enough before they roll over.',
  ['Test-ALSecurityLogging reads Azure Local\'s syslog forwarder (the output of Get-AzSSyslogForwarder -Local), the "Configure target Subscription Manager" policy of Windows Event Forwarding, and the Security, System (where Microsoft-Windows-TPM-WMI writes), Microsoft-Windows-CodeIntegrity/Operational and Microsoft-Windows-BitLocker/BitLocker Management event logs. ALSEC-LOG-001: the events are forwarded (syslog or WEF). 002: syslog over TCP with TLS. 003: the syslog server\'s certificate and name are validated. 004: mutual authentication with a client certificate. 005: every WEF subscription manager is https://. 010-013: each log is enabled. 020-023: each log holds at least -MinimumDays of events.',
   'A log\'s history is measured from its oldest and newest event and its size when the event log service gave them: a full log holds the span of its events, a log not yet full is projected from the rate it filled at. Only without those answers (the in-box capture, a log younger than an hour) is it estimated from -EventsPerDay and -AverageEventBytes; the result\'s Reason says which. Microsoft does not document the properties of Get-AzSSyslogForwarder\'s output; they are read by the names of Set-AzSSyslogForwarder\'s parameters, and a setting the output does not state is Unknown, never Compliant.'],
  [param('EvidencePath', 'String[]', 'Bundles (folders or .zip files) to analyze instead of the live node.', required=True, pipeline='true (ByPropertyName)'),
   param('Evidence', 'EvidenceBundle[]', 'Bundles already imported with Import-ALSecurityEvidence.', required=True, pipeline='true (ByValue)'),
   param('MinimumDays', 'Double', 'The days of events each log must hold (default 1).'),
   param('AverageEventBytes', 'Int32', 'The bytes an event is estimated to take, for the estimate only (default 1024).'),
   param('EventsPerDay', 'Hashtable', 'Events per day estimated per channel, such as @{ Security = 250000 }, for the estimate only (defaults: Security 100000, System 20000, Code Integrity 2000, BitLocker Management 500).')],
  [('AzureLocalSecurity.Results.SecurityCheckResult', 'One result per check, ALSEC-LOG-001 to ALSEC-LOG-023.')],
  [('Test-ALSecurityLogging | Where-Object Status -ne Compliant', 'Lists what is missing on this node.'),
   ('Test-ALSecurityLogging -EvidencePath .\\node01.zip -MinimumDays 7', 'Requires a week of events in each log of a captured node.')]),
 command('Test-ALCryptography',
  'Checks a node\'s cryptography: the FIPS algorithm policy, SChannel TLS 1.0-1.3, the TLS cipher-suite order against the Azure Local baseline\'s list, and SMB encryption and its ciphers.',
  ['Test-ALCryptography writes one SecurityCheckResult per check (area Cryptography): ALSEC-CRYPTO-001 the FIPS algorithm policy is on (FipsAlgorithmPolicy\\Enabled = 1; absent means the policy\'s default, Disabled); ALSEC-CRYPTO-002 and -003 TLS 1.0 and TLS 1.1 are off on the server and the client side of SChannel (Enabled = 0); ALSEC-CRYPTO-004 and -005 TLS 1.2 and TLS 1.3 are on (Enabled not 0 and DisabledByDefault not 1); ALSEC-CRYPTO-006 the cipher-suite order (the SSL Cipher Suite Order policy, else the local configuration) holds only the suites the Azure Local baseline allows and none weak (RC4, 3DES, NULL, EXPORT, CBC-SHA1 without ECDHE); ALSEC-CRYPTO-007 the SMB server requires encryption (EncryptData and RejectUnencryptedAccess); ALSEC-CRYPTO-008 the SMB server and client offer and prefer an AES-256 cipher.',
   'A key that does not exist means the OS default: the result says which default applies for the node\'s build where it is documented (TLS 1.2 and 1.3 on from build 20348; TLS 1.0 and 1.1 on for the Windows Server 2022 family, 20348 and 20349), and is Unknown with the reason where it is not (TLS 1.0 and 1.1 on 25398 and 26100, the default cipher-suite order off build 20348/20349). A fact the bundle does not hold is Unknown, never a guess. Every result carries the registry or CIM facts it was decided from in Actual and Source. See docs/cryptography.md.'],
  [EVP, EV],
  [('AzureLocalSecurity.Results.SecurityCheckResult', 'One per check, ALSEC-CRYPTO-001 to ALSEC-CRYPTO-008.')],
  [('Test-ALCryptography | Where-Object Status -ne Compliant', 'Shows the cryptography findings of this node.'),
   ('Get-ChildItem .\\evidence\\*.zip | Test-ALCryptography | Group-Object Id, Status', 'Counts each check\'s outcome across a cluster\'s captures.')]),
 command('Test-ALDefender',
  'Checks Microsoft Defender Antivirus on a node: active, real-time protection, signature age, tamper protection, the baseline\'s ASR rules and weak exclusions.',
  ['Test-ALDefender judges ALSEC-DEF-001 Defender installed and the active antivirus (AMServiceEnabled, AntivirusEnabled, AMRunningMode Normal), ALSEC-DEF-002 real-time protection on (RealTimeProtectionEnabled), ALSEC-DEF-003 security intelligence no older than -SignatureMaxAgeDays days (AntivirusSignatureAge; 4294967295 means never updated), ALSEC-DEF-004 tamper protection on (IsTamperProtected), ALSEC-DEF-005 every Attack Surface Reduction rule of the shipped Azure Local baseline at least as strict as the baseline sets it (the policy key first, then Set-MpPreference\'s rules; off, audit, warn, block in that order), and ALSEC-DEF-006 no exclusion that weakens protection: a whole drive, a folder users can write to, a file type that runs code, a script host or a wildcard process. Exclusions Microsoft documents for Hyper-V cluster hosts (C:\\ClusterStorage, the Hyper-V folders, vmms.exe, vmwp.exe, ...) are not weak.',
   'The facts are MSFT_MpComputerStatus, MSFT_MpPreference and the Defender policy keys; evidence bundles and fleet captures carry them. Defender not installed fails the checks; a fact that could not be read is Unknown with the reason. Exclusions are visible only to administrators (and not even to them when policy sets HideExclusionsFromLocalAdmins, as Azure Local\'s baseline does): Defender then returns a placeholder text, which is reported Unknown, never as no exclusions. Multifactor authentication is not judged here: it is the Identity area of Test-ALSecurityPosture, always Unknown, since Microsoft Entra enforces it. See docs/defender.md.'],
  [param('SignatureMaxAgeDays', 'Int32', 'The oldest the antivirus security intelligence may be, in days. 3 by default.'),
   EVP, EV],
  [('AzureLocalSecurity.Results.SecurityCheckResult', 'Six per node, ALSEC-DEF-001 to ALSEC-DEF-006.')],
  [('Test-ALDefender | Where-Object Status -ne Compliant | Format-List Id, Title, Actual, Reason, Remediation', 'Shows what the live node\'s Defender misses (run elevated so the exclusions can be read).'),
   ('Get-ChildItem .\\evidence\\*.zip | Test-ALDefender -SignatureMaxAgeDays 1', 'Checks every captured node, allowing signatures one day old.')]),
 command('Get-ALModuleIntegrity',
  'Verifies that an installed AzureLocalSecurity module is the one that was packaged: every file against the SHA-256 the signed SBOM lists, nothing missing and nothing added.',
  ['Get-ALModuleIntegrity reads the module folder (by default the one this module was loaded from) and compares every file with the SBOM build.ps1 -Task Package ships in it (AzureLocalSecurity.cdx.json, CycloneDX 1.5). Each file is Match, Modified (its SHA-256 differs), Missing (the SBOM lists it, the folder does not have it), Unexpected (the folder has a file the SBOM does not list) or Unreadable. The SBOM\'s detached CMS signature (AzureLocalSecurity.cdx.json.p7s) is then checked: Valid when it matches the SBOM, Invalid when the SBOM or the signature was changed, NotSigned when the package was built without a certificate. A valid signer is Pinned when it is a certificate named by -SignerThumbprint, Trusted when its chain builds to a root this machine trusts for code signing (revocation is not checked: nodes are often offline), Untrusted otherwise.',
   'Status is Intact only when every file matches and the signature is valid from a pinned or trusted signer; Tampered when any file differs, is missing or was added, the signature is invalid, the SBOM describes another module or version, or Windows reports an Authenticode hash mismatch; Unverified when nothing is wrong but nothing is proven (no SBOM, as in a development build; an unsigned SBOM; an untrusted signer). Where Get-AuthenticodeSignature exists (Windows), each signed file also carries Windows\' own Authenticode status. See docs/supply-chain.md.'],
  [param('Path', 'String[]', 'Module folders to check: the folder holding the manifest, or a module folder holding version folders (each is checked). By default the folder this module was loaded from.', position='0', pipeline='true (ByPropertyName)'),
   param('SignerThumbprint', 'String[]', 'The publisher\'s code-signing certificates, by SHA-1 or SHA-256 thumbprint. When given, only an SBOM signed by one of them counts as proven.')],
  [('AzureLocalSecurity.Integrity.ModuleIntegrityReport', 'One per module folder, with every file\'s verdict in Files and the signature\'s in Signature.')],
  [('Get-ALModuleIntegrity', 'Checks the module this session loaded.'),
   ('Get-Module AzureLocalSecurity -ListAvailable | Get-ALModuleIntegrity -SignerThumbprint 0123456789ABCDEF0123456789ABCDEF01234567 | Where-Object Status -ne Intact', 'Checks every installed copy against the publisher\'s certificate and shows the ones that are not proven intact.'),
   ('(Get-ALModuleIntegrity).Files | Where-Object Status -ne Match', 'Lists the files that differ from the SBOM.')]),
]

s = open(HELP, encoding='utf-8').read()
for c in CMDS:
    name = re.search(r'<command:name>([^<]+)</command:name>', c).group(1)
    s = re.sub(r'<command:command [^>]*>\s*<command:details>\s*<command:name>' + re.escape(name) + r'</command:name>.*?</command:command>\n', '', s, flags=re.S)
    s = s.replace('</helpItems>', c + '</helpItems>')
open(HELP, 'w', encoding='utf-8').write(s)
print('help entries:', len(re.findall('<command:command ', s)))
