//! Addresses for `IpAddress` and `NotIpAddress`: IPv4 or IPv6, a CIDR block or a bare address, which
//! means `/32` or `/128` (OPS).

use std::net::IpAddr;

/// An address block: the address as written and its prefix length. Host bits set in a policy's block
/// (`10.1.2.3/8`) are ignored, as the prefix says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Network {
    address: IpAddr,
    prefix: u8,
}

/// Reads `address` or `address/prefix`; `None` when the text is neither.
pub(crate) fn parse(text: &str) -> Option<Network> {
    let (address, prefix) = match text.split_once('/') {
        Some((address, prefix)) => (address, Some(prefix)),
        None => (text, None),
    };
    let address: IpAddr = address.parse().ok()?;
    let bits = match address {
        IpAddr::V4(_) => 32,
        IpAddr::V6(_) => 128,
    };
    let prefix = match prefix {
        None => bits,
        Some(prefix) => {
            if prefix.is_empty()
                || prefix.len() > 3
                || !prefix.bytes().all(|byte| byte.is_ascii_digit())
            {
                return None;
            }
            prefix.parse().ok().filter(|prefix| *prefix <= bits)?
        }
    };
    Some(Network { address, prefix })
}

impl Network {
    /// The block as the first and last address of one number line, tagged with whether it is IPv6: what
    /// the access diff partitions addresses by.
    pub(crate) fn range(&self) -> (bool, u128, u128) {
        let (is_v6, address, bits) = match self.address {
            IpAddr::V4(address) => (false, u128::from(u32::from(address)), 32),
            IpAddr::V6(address) => (true, u128::from(address), 128),
        };
        let host_bits = bits - u32::from(self.prefix);
        let size_mask = u128::MAX.checked_shr(128 - host_bits).unwrap_or(0);
        let first = address
            & !size_mask
            & if is_v6 {
                u128::MAX
            } else {
                u128::from(u32::MAX)
            };
        (is_v6, first, first | size_mask)
    }

    /// Whether every address of `inner` is in this block. A request's bare address is a block of one.
    /// IPv4 and IPv6 never contain each other.
    pub(super) fn contains(&self, inner: &Network) -> bool {
        if inner.prefix < self.prefix {
            return false;
        }
        match (self.address, inner.address) {
            (IpAddr::V4(outer), IpAddr::V4(inner)) => {
                let mask = u32::MAX
                    .checked_shl(32 - u32::from(self.prefix))
                    .unwrap_or(0);
                u32::from(outer) & mask == u32::from(inner) & mask
            }
            (IpAddr::V6(outer), IpAddr::V6(inner)) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.prefix))
                    .unwrap_or(0);
                u128::from(outer) & mask == u128::from(inner) & mask
            }
            _ => false,
        }
    }
}
