//! Native benchmarks of the engine: parsing, evaluating a typical scenario with its policies already
//! parsed, the same with every policy type, the all-actions matrix, and what an edit costs the page
//! (preparing the scenario, parse and lint included, then evaluating it; the same through a
//! `PolicyCache` that already holds its policies, as the page pays when only the request changed), a
//! scenario's text to its
//! result as JSON text, for a small and the typical scenario and for the page's keystroke benchmark's
//! 100-statement scenario after an edit of that policy, the access diff of two 20-statement policies
//! and a suite of 20 requests. It also prints how many allocations some cases make per call.
//! Run with `scripts/bench`, which holds their targets.

use criterion::{Criterion, criterion_group, criterion_main};
use ecr_policy_engine::diff::{DiffInput, diff_policies};
use ecr_policy_engine::eval::{PolicyCache, evaluate_suite, prepare};
use ecr_policy_engine::policy::{PolicyKind, parse_policy};
use ecr_policy_engine::scenario::{Scenario, scenarios_from_text};
use ecr_policy_test_kit::CORPUS_TIME as TIME;
use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicU64, Ordering};

#[path = "fixtures/policies.rs"]
mod policies;
#[path = "fixtures/text_to_result.rs"]
mod text_to_result;
use policies::{policy_of, twenty_statement_versions};
use text_to_result::{cached_text_to_result_json, keystroke_edits, text_to_result_json};

/// The system allocator, counting the allocations made through it: a figure the load of a shared machine
/// does not change, printed beside the timings.
struct Counting;

/// Allocations made so far (reallocations included).
static ALLOCATIONS: AtomicU64 = AtomicU64::new(0);

// SAFETY: every call is passed on unchanged to the system allocator; only a counter is added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: the caller's guarantees for `layout` are the system allocator's.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        // SAFETY: `pointer` was allocated by the system allocator with `layout`.
        unsafe { System.dealloc(pointer, layout) }
    }
    unsafe fn realloc(&self, pointer: *mut u8, layout: Layout, size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: as for `dealloc`, and `size` is the caller's valid new size.
        unsafe { System.realloc(pointer, layout, size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Prints how many allocations one call of `work` makes, as `allocations: CASE: N` (scripts/bench reads it).
fn count_allocations<T>(case: &str, mut work: impl FnMut() -> T) {
    black_box(work());
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    black_box(work());
    let count = ALLOCATIONS.load(Ordering::Relaxed) - before;
    println!("allocations: {case}: {count}");
}

const TYPICAL: &str = include_str!("fixtures/typical.json");
const ORGANIZATION: &str = include_str!("fixtures/organization.json");
const SMALL: &str = include_str!("fixtures/small.json");
const SUITE: &str = include_str!("fixtures/suite.json");

fn scenario(text: &str) -> Scenario {
    scenarios_from_text(text)
        .ok()
        .and_then(|mut all| all.pop())
        .unwrap_or_else(|| {
            eprintln!("benchmark fixture does not parse");
            std::process::exit(2)
        })
}

fn benchmarks(criterion: &mut Criterion) {
    // The prepared scenarios are made first, before the other cases allocate and free some hundred
    // thousand blocks: made after them, their parts lie scattered in the fragmented heap, and evaluating
    // them took about a sixth longer for the same instructions.
    let typical = scenario(TYPICAL);
    let prepared = prepare(&typical);
    let organization = scenario(ORGANIZATION);
    let prepared_organization = prepare(&organization);
    let small = policy_of(2);
    let large = policy_of(22);
    println!("policy sizes: {} and {} bytes", small.len(), large.len());
    criterion.bench_function("parse 1 KB policy", |bench| {
        bench.iter(|| parse_policy(black_box(&small), PolicyKind::Repository))
    });
    criterion.bench_function("parse 10 KB policy", |bench| {
        bench.iter(|| parse_policy(black_box(&large), PolicyKind::Repository))
    });
    let (twenty_old, twenty_new) = twenty_statement_versions();
    assert_ne!(twenty_old, twenty_new);
    let diff_twenty = || {
        diff_policies(black_box(&DiffInput {
            old: &twenty_old,
            new: &twenty_new,
            kind: PolicyKind::Repository,
            base: None,
            time: TIME,
        }))
    };
    let twenty = diff_twenty();
    println!(
        "diff of two 20-statement policies: {} representative requests, {} changes",
        twenty.requests,
        twenty.changes.len()
    );
    count_allocations("diff of two 20-statement policies", diff_twenty);
    criterion.bench_function("diff of two 20-statement policies", |bench| {
        bench.iter(diff_twenty)
    });
    let suite = scenario(SUITE);
    count_allocations("suite of 20 requests", || evaluate_suite(&suite, TIME));
    criterion.bench_function("suite of 20 requests", |bench| {
        bench.iter(|| evaluate_suite(black_box(&suite), TIME))
    });
    criterion.bench_function("evaluate typical scenario", |bench| {
        bench.iter(|| prepared.evaluate(black_box(&typical.first_request().action), TIME))
    });
    criterion.bench_function("evaluate with boundary, session, SCPs and RCPs", |bench| {
        bench.iter(|| {
            prepared_organization.evaluate(black_box(&organization.first_request().action), TIME)
        })
    });
    criterion.bench_function("all-actions matrix", |bench| {
        bench.iter(|| prepared.matrix(TIME))
    });
    criterion.bench_function("prepare and evaluate typical scenario", |bench| {
        bench.iter(|| prepare(black_box(&typical)).evaluate(&typical.first_request().action, TIME))
    });
    let mut cache = PolicyCache::new();
    criterion.bench_function(
        "prepare and evaluate typical scenario, policies cached",
        |bench| {
            bench.iter(|| {
                cache
                    .prepare(black_box(&typical))
                    .evaluate(&typical.first_request().action, TIME)
            })
        },
    );
    println!(
        "scenario texts: small {} and typical {} bytes",
        SMALL.len(),
        TYPICAL.len()
    );
    count_allocations("small scenario text to result JSON", || {
        text_to_result_json(SMALL)
    });
    count_allocations("typical scenario text to result JSON", || {
        text_to_result_json(TYPICAL)
    });
    count_allocations("prepare and evaluate typical scenario", || {
        prepare(&typical).evaluate(&typical.first_request().action, TIME)
    });
    criterion.bench_function("small scenario text to result JSON", |bench| {
        bench.iter(|| text_to_result_json(black_box(SMALL)))
    });
    criterion.bench_function("typical scenario text to result JSON", |bench| {
        bench.iter(|| text_to_result_json(black_box(TYPICAL)))
    });
    let edits = keystroke_edits();
    assert!(
        edits
            .iter()
            .zip(edits.iter().skip(1))
            .all(|(one, next)| one != next),
        "every keystroke edit must change the 100-statement policy, or the cache would hold it"
    );
    let mut keystroke_cache = PolicyCache::new();
    let Some(first_result) = edits
        .first()
        .and_then(|text| cached_text_to_result_json(&mut keystroke_cache, text))
    else {
        eprintln!("the keystroke fixture does not give a result");
        std::process::exit(2)
    };
    println!(
        "100-statement scenario: {} edits, a result of {} bytes",
        edits.len(),
        first_result.len()
    );
    let mut keystrokes = edits.iter().cycle();
    count_allocations(
        "100-statement scenario text to result JSON after an edit",
        || {
            keystrokes
                .next()
                .and_then(|text| cached_text_to_result_json(&mut keystroke_cache, text))
        },
    );
    criterion.bench_function(
        "100-statement scenario text to result JSON after an edit",
        |bench| {
            bench.iter(|| {
                keystrokes.next().and_then(|text| {
                    cached_text_to_result_json(&mut keystroke_cache, black_box(text))
                })
            })
        },
    );
}

criterion_group!(engine, benchmarks);
criterion_main!(engine);
