using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace AgentOps.Ingest;

/// <summary>
/// A hash that is the same in every process and release (unlike <see cref="string.GetHashCode()"/>), so that
/// partitions, shards and de-duplication keys survive restarts and agree across silos.
/// </summary>
public static class KeyHash
{
    /// <summary>64-bit XxHash3 of the string's UTF-16 code units.</summary>
    public static ulong Of(string value) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(value.AsSpan()));

    /// <summary>The bucket of <paramref name="value"/> among <paramref name="buckets"/>.</summary>
    public static int Bucket(string value, int buckets) => (int)(Of(value) % (ulong)buckets);
}
