//! Ranges from uncertain inputs: a seeded generator, the normal quantile
//! function, Latin-hypercube draws and percentiles. Deterministic: the same
//! seed gives the same draws on every platform, so a fan looks the same
//! natively, in the browser and in an export.

/// Φ⁻¹(0.9): a normal draw falls within ±`Z90` standard deviations of its
/// mean 8 times in 10.
pub const Z90: f64 = 1.281_551_565_544_600_5;

/// SplitMix64: a small, fast, well-mixed 64-bit generator, seeded.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A whole number below `n` (`n` ≥ 1), by multiply-shift.
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }
}

/// Φ⁻¹(p): the standard normal quantile, by Acklam's rational
/// approximation (relative error below 1.2 × 10⁻⁹). `p` outside (0, 1)
/// gives ±∞ at the ends and NaN beyond them.
pub fn normal_quantile(p: f64) -> f64 {
    const A: [f64; 6] =
        [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
    const B: [f64; 5] = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
    const C: [f64; 6] = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
    const D: [f64; 4] = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
    const LOW: f64 = 0.02425;
    if !(p > 0.0 && p < 1.0) {
        return if p == 0.0 {
            f64::NEG_INFINITY
        } else if p == 1.0 {
            f64::INFINITY
        } else {
            f64::NAN
        };
    }
    let tail = |q: f64| {
        let q = (-2.0 * q.ln()).sqrt();
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    };
    if p < LOW {
        tail(p)
    } else if p > 1.0 - LOW {
        -tail(1.0 - p)
    } else {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    }
}

/// `n` draws of `k` independent standard normals, row by row (draw `i`'s
/// values are `[i * k .. i * k + k]`). Each input's draws are stratified,
/// one from each of `n` equally likely slices (at the slice's middle), and
/// the slices are shuffled apart per input with a generator seeded by
/// `seed`: a Latin hypercube, which needs far fewer draws than plain
/// random sampling for the same accuracy.
pub fn latin_hypercube(n: usize, k: usize, seed: u64) -> Vec<f64> {
    let mut rng = Rng::new(seed);
    let mut out = vec![0.0; n * k];
    let mut order: Vec<usize> = (0..n).collect();
    for j in 0..k {
        // Fisher–Yates.
        for i in (1..n).rev() {
            order.swap(i, rng.below(i + 1));
        }
        for (i, &slice) in order.iter().enumerate() {
            out[i * k + j] = normal_quantile((slice as f64 + 0.5) / n as f64);
        }
    }
    out
}

/// Sorts `v` ascending by [`f64::total_cmp`]: a Shell sort with Ciura's
/// gaps, in a few hundred bytes of WebAssembly where the standard library's
/// sort takes kilobytes, and quick on a fan's few hundred draws (tested
/// against the standard library's sort).
pub fn sort(v: &mut [f64]) {
    const GAPS: [usize; 8] = [701, 301, 132, 57, 23, 10, 4, 1];
    for gap in GAPS {
        for i in gap..v.len() {
            let x = v[i];
            let mut j = i;
            while j >= gap && v[j - gap].total_cmp(&x).is_gt() {
                v[j] = v[j - gap];
                j -= gap;
            }
            v[j] = x;
        }
    }
}

/// The `p`th percentile (0–100) of `sorted` (ascending, finite), linearly
/// interpolated between ranks placed at the middle of their slices
/// (Hazen's definition, R's type 5): the definition under which a Latin
/// hypercube's draws give each percentile exactly. NaN for no values.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    let Some(last) = sorted.len().checked_sub(1) else { return f64::NAN };
    let rank = crate::text::num::clamp(p / 100.0 * sorted.len() as f64 - 0.5, 0.0, last as f64);
    let below = (rank.floor() as usize).min(last);
    let above = (below + 1).min(last);
    let t = rank - below as f64;
    if t == 0.0 || sorted[below] == sorted[above] {
        // Exactly on a rank, or between equal values (say two infinities).
        return sorted[below];
    }
    sorted[below] + (sorted[above] - sorted[below]) * t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generator_is_seeded_and_known() {
        // SplitMix64's published first output for seed 0.
        assert_eq!(Rng::new(0).next_u64(), 0xe220_a839_7b1d_cdaf);
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        assert!((0..100).all(|_| a.next_u64() == b.next_u64()));
        let mut r = Rng::new(1);
        assert!((0..1000).all(|_| r.below(3) < 3));
    }

    #[test]
    fn normal_quantiles_match_known_values() {
        for (p, z) in [(0.5, 0.0), (0.9, Z90), (0.975, 1.959_963_984_540_054), (0.01, -2.326_347_874_040_841), (0.999, 3.090_232_306_167_813)] {
            assert!((normal_quantile(p) - z).abs() < 1e-8, "{p}: {}", normal_quantile(p));
        }
        assert_eq!(normal_quantile(0.0), f64::NEG_INFINITY);
        assert!(normal_quantile(1.5).is_nan() && normal_quantile(f64::NAN).is_nan());
    }

    #[test]
    fn each_input_gets_every_slice_once() {
        let (n, k) = (200, 3);
        let draws = latin_hypercube(n, k, 42);
        assert_eq!(draws, latin_hypercube(n, k, 42), "same seed, same draws");
        assert_ne!(draws, latin_hypercube(n, k, 43));
        for j in 0..k {
            let mut column: Vec<f64> = (0..n).map(|i| draws[i * k + j]).collect();
            column.sort_by(f64::total_cmp);
            let expected: Vec<f64> = (0..n).map(|i| normal_quantile((i as f64 + 0.5) / n as f64)).collect();
            assert_eq!(column, expected);
        }
        // The inputs are shuffled apart: not drawn in step.
        let same = (0..n).filter(|&i| draws[i * k] == draws[i * k + 1]).count();
        assert!(same < 10, "{same}");
    }

    proptest::proptest! {
        #[test]
        fn the_shell_sort_sorts_as_the_standard_library_does(
            mut v in proptest::collection::vec(proptest::prop_oneof![proptest::num::f64::ANY, proptest::strategy::Just(f64::NAN), -1e3..1e3f64], 0..2000)
        ) {
            let mut expected = v.clone();
            expected.sort_by(f64::total_cmp);
            sort(&mut v);
            proptest::prop_assert_eq!(v.iter().map(|x| x.to_bits()).collect::<Vec<_>>(), expected.iter().map(|x| x.to_bits()).collect::<Vec<_>>());
        }
    }

    #[test]
    fn percentiles_interpolate_between_ranks() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(percentile(&v, 0.0), 1.0);
        assert_eq!(percentile(&v, 50.0), 3.0);
        assert_eq!(percentile(&v, 90.0), 5.0);
        assert_eq!(percentile(&v, 80.0), 4.5);
        assert_eq!(percentile(&v, 100.0), 5.0);
        assert!(percentile(&[], 50.0).is_nan());
        assert_eq!(percentile(&[2.0], 10.0), 2.0);
    }

    #[test]
    fn log_normal_percentiles_match_the_closed_form() {
        // X = exp(μ + σZ): its pth percentile is exp(μ + σ Φ⁻¹(p)).
        let (mu, sigma) = (4.0, 0.6);
        let mut x: Vec<f64> = latin_hypercube(400, 1, 9).iter().map(|z| (mu + sigma * z).exp()).collect();
        x.sort_by(f64::total_cmp);
        for p in [10.0, 25.0, 50.0, 75.0, 90.0] {
            let exact = (mu + sigma * normal_quantile(p / 100.0)).exp();
            let got = percentile(&x, p);
            assert!((got / exact - 1.0).abs() < 0.005, "p{p}: {got} vs {exact}");
        }
    }
}
