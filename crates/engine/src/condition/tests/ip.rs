//! `IpAddress` and `NotIpAddress` (OPS): IPv4 and IPv6, CIDR blocks and bare addresses.

use super::{eval, holds, single};
use crate::condition::ip::parse;
use crate::condition::{InvalidReason, ValueSide};

#[test]
fn ip_address_matches_addresses_inside_a_cidr_block() {
    // OPS: IpAddress takes IPv4 CIDR blocks.
    assert!(holds("IpAddress", &["203.0.113.0/24"], "203.0.113.7"));
    assert!(!holds("IpAddress", &["203.0.113.0/24"], "203.0.114.7"));
    assert!(holds("IpAddress", &["0.0.0.0/0"], "198.51.100.1"));
    assert!(holds("IpAddress", &["10.1.2.3/8"], "10.200.0.1"));
}

#[test]
fn a_bare_address_is_a_single_address() {
    // OPS: an address without a prefix means /32 (and /128 for IPv6).
    assert!(holds("IpAddress", &["203.0.113.7"], "203.0.113.7"));
    assert!(!holds("IpAddress", &["203.0.113.7"], "203.0.113.8"));
    assert!(holds("IpAddress", &["2001:db8::1"], "2001:DB8:0:0::1"));
    assert!(!holds("IpAddress", &["2001:db8::1"], "2001:db8::2"));
}

#[test]
fn ipv6_cidr_blocks_match_ipv6_addresses() {
    // OPS: IPv6 CIDR blocks are accepted.
    assert!(holds("IpAddress", &["2001:db8::/32"], "2001:db8:1234::5"));
    assert!(!holds("IpAddress", &["2001:db8::/32"], "2001:db9::5"));
    assert!(holds("IpAddress", &["::/0"], "::1"));
    assert!(!holds("IpAddress", &["::/0"], "203.0.113.7"));
    assert!(!holds("IpAddress", &["0.0.0.0/0"], "::1"));
}

#[test]
fn not_ip_address_matches_addresses_outside_every_block() {
    // OPS: NotIpAddress is the negation; MV: several blocks must all miss.
    assert!(holds("NotIpAddress", &["203.0.113.0/24"], "198.51.100.1"));
    assert!(!holds("NotIpAddress", &["203.0.113.0/24"], "203.0.113.9"));
    assert!(!holds(
        "NotIpAddress",
        &["10.0.0.0/8", "203.0.113.0/24"],
        "203.0.113.9"
    ));
}

#[test]
fn a_request_block_matches_when_it_lies_inside_the_policy_block() {
    // OPS: a request given as a block matches only when all of it is inside.
    assert!(holds("IpAddress", &["10.0.0.0/8"], "10.1.0.0/16"));
    assert!(!holds("IpAddress", &["10.0.0.0/16"], "10.0.0.0/8"));
}

#[test]
fn ip_value_that_does_not_parse_never_matches_and_is_reported() {
    // OPS: a bad CIDR never matches, and is reported.
    for bad in [
        "",
        "abc",
        "10.0.0.0/33",
        "10.0.0.0/",
        "10.0.0.0/+8",
        "2001:db8::/129",
        "300.1.1.1",
        "10.0.0",
        "010.0.0.1",
    ] {
        assert_eq!(parse(bad), None, "{bad:?} parsed");
    }
    let outcome = eval(
        "IpAddress",
        "aws:SourceIp",
        &["10.0.0.0/33", "203.0.113.0/24"],
        &single("aws:SourceIp", "203.0.113.1"),
    );
    assert!(outcome.matched);
    assert_eq!(outcome.invalid_values.len(), 1);
    assert_eq!(
        outcome.invalid_values[0].reason,
        InvalidReason::NotAnIpAddress
    );
    let outcome = eval(
        "IpAddress",
        "aws:SourceIp",
        &["0.0.0.0/0"],
        &single("aws:SourceIp", "nowhere"),
    );
    assert!(!outcome.matched);
    assert_eq!(outcome.invalid_values[0].side, ValueSide::Request);
}
