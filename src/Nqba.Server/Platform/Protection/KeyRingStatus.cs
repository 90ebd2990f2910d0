namespace Nqba.Server.Platform.Protection;

/// <summary>The key ring's state, as the compliance page shows it (ids and counts only, never key material).</summary>
/// <param name="MasterKeyId">The master key new data keys are wrapped with.</param>
/// <param name="MasterKeyCreatedAt">When that key was created, where the provider knows it.</param>
/// <param name="LastRotatedAt">The last <c>nqba keys rotate</c> in the audit ledger; null when never rotated.</param>
/// <param name="DataKeys">Live (not destroyed) data keys.</param>
/// <param name="DataKeysUnderOlderMasterKeys">Live data keys still wrapped by an older master key (re-wrap pending).</param>
/// <param name="DestroyedDataKeys">Data keys destroyed by erasure (crypto-shredding).</param>
public sealed record KeyRingStatus(
    string MasterKeyId,
    DateTime? MasterKeyCreatedAt,
    DateTime? LastRotatedAt,
    int DataKeys,
    int DataKeysUnderOlderMasterKeys,
    int DestroyedDataKeys);
