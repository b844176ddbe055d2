using System.Net;
using System.Net.Sockets;

namespace AgentOps.Notifications;

/// <summary>
/// Which addresses notifications may reach (SSRF, OWASP API7): public ones, never loopback, link-local (cloud metadata at
/// 169.254.169.254), private, shared (CGNAT), multicast, unspecified or Azure's platform address, unless an operator
/// allows them in <see cref="NotificationOptions.AllowedTargets"/> (host names, addresses or CIDR ranges).
/// </summary>
public sealed class OutboundTargetPolicy
{
    private static readonly IPNetwork[] Forbidden =
    [
        IPNetwork.Parse("0.0.0.0/8"),        // "this" network
        IPNetwork.Parse("10.0.0.0/8"),       // private
        IPNetwork.Parse("100.64.0.0/10"),    // shared address space (carrier-grade NAT)
        IPNetwork.Parse("127.0.0.0/8"),      // loopback
        IPNetwork.Parse("169.254.0.0/16"),   // link-local: instance metadata services
        IPNetwork.Parse("172.16.0.0/12"),    // private
        IPNetwork.Parse("192.0.0.0/24"),     // IETF protocol assignments
        IPNetwork.Parse("192.168.0.0/16"),   // private
        IPNetwork.Parse("198.18.0.0/15"),    // benchmarking
        IPNetwork.Parse("168.63.129.16/32"), // Azure platform (wire server, DNS)
        IPNetwork.Parse("224.0.0.0/3"),      // multicast, reserved, broadcast
        IPNetwork.Parse("::/128"),           // unspecified
        IPNetwork.Parse("::1/128"),          // loopback
        IPNetwork.Parse("fc00::/7"),         // unique local (AWS metadata fd00:ec2::254)
        IPNetwork.Parse("fe80::/10"),        // link-local
        IPNetwork.Parse("ff00::/8"),         // multicast
    ];

    private readonly HashSet<string> _allowedHosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<IPNetwork> _allowedNetworks = [];

    public OutboundTargetPolicy(IEnumerable<string> allowedTargets)
    {
        foreach (var target in allowedTargets)
        {
            if (IPNetwork.TryParse(target, out var network))
            {
                _allowedNetworks.Add(network);
            }
            else if (IPAddress.TryParse(target, out var address))
            {
                _allowedNetworks.Add(new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128));
            }
            else
            {
                _allowedHosts.Add(target);
            }
        }
    }

    /// <summary>True when the URL's host is allowed by name, whatever it resolves to.</summary>
    public bool IsAllowedHost(string host) => _allowedHosts.Contains(host);

    /// <summary>True when notifications may connect to <paramref name="address"/>.</summary>
    public bool IsAllowed(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return _allowedNetworks.Any(n => n.Contains(address)) || !Forbidden.Any(n => n.Contains(address));
    }

    /// <summary>Why a channel URL may not be used, or null when it may: checks the host as written and every address it resolves to now.</summary>
    public async Task<string?> RefusalAsync(Uri url, CancellationToken cancel)
    {
        if (IsAllowedHost(url.IdnHost))
        {
            return null;
        }

        IPAddress[] addresses;
        if (IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(url.IdnHost, cancel);
            }
            catch (SocketException)
            {
                return null; // not resolvable now; every delivery checks again at connect time
            }
        }

        return addresses.FirstOrDefault(a => !IsAllowed(a)) is { } refused
            ? $"url host '{url.Host}' is (or resolves to) {refused}, a loopback, link-local, private or otherwise internal address; notifications only go to public addresses unless AgentOps:Notifications:AllowedTargets allows it"
            : null;
    }
}
