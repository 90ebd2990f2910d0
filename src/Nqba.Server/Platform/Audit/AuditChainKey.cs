using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Platform.Audit;

/// <summary>
/// The key of the audit chain's HMAC: a platform data key of purpose <see cref="DataKeyPurpose.Audit"/>, stored in
/// the database only wrapped under the master key (which is kept outside it), so whoever has the database alone can
/// neither recompute nor forge the chain. It is created with the first keyed entry and never rotated or destroyed;
/// a master key rotation re-wraps it like every data key.
/// </summary>
internal sealed class AuditChainKey(FieldProtector protector)
{
    public async Task<byte[]> GetAsync(CancellationToken cancellationToken) =>
        (await protector.ActiveKeyAsync(null, DataKeyPurpose.Audit, cancellationToken)).Key;
}
