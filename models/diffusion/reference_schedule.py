"""Reference values for the app's sampler tests (tests/unit/core/diffusion/euler-ancestral.test.ts).

Computed independently of the TypeScript: torch float32 arithmetic written the way diffusers
0.2x-0.3x writes it (DDPMScheduler / EulerAncestralDiscreteScheduler: `betas = linspace(sqrt(b0),
sqrt(b1), T) ** 2`, `alphas_cumprod = cumprod(1 - betas)`, `sigmas = ((1 - ac) / ac) ** 0.5`,
trailing spacing `round(arange(T, 0, -T / n)) - 1`, and `step()`'s sigma_up / sigma_down split).
Run: /usr/bin/python3 models/diffusion/reference_schedule.py > tests/unit/fixtures/diffusion-schedule.json
"""
import json

import numpy as np
import torch

T, B0, B1 = 1000, 0.00085, 0.012

betas = torch.linspace(B0 ** 0.5, B1 ** 0.5, T, dtype=torch.float32) ** 2
alphas_cumprod = torch.cumprod(1.0 - betas, dim=0)
sigmas = ((1 - alphas_cumprod) / alphas_cumprod) ** 0.5


def trailing(n):
    return (np.round(np.arange(T, 0, -T / n)).astype(np.int64) - 1).tolist()


def euler_ancestral_step(sample, eps, sigma_from, sigma_to, noise):
    # diffusers EulerAncestralDiscreteScheduler.step with prediction_type "epsilon".
    denoised = sample - sigma_from * eps
    sigma_up = (sigma_to ** 2 * (sigma_from ** 2 - sigma_to ** 2) / sigma_from ** 2) ** 0.5
    sigma_down = (sigma_to ** 2 - sigma_up ** 2) ** 0.5
    derivative = (sample - denoised) / sigma_from
    prev = sample + derivative * (sigma_down - sigma_from)
    return (prev + noise * sigma_up).tolist(), sigma_up, sigma_down


rng = np.random.default_rng(7)
sample = rng.standard_normal(6) * 3
eps = rng.standard_normal(6)
noise = rng.standard_normal(6)
s_from, s_to = float(sigmas[749]), float(sigmas[499])
stepped, up, down = euler_ancestral_step(sample, eps, s_from, s_to, noise)
last, _, _ = euler_ancestral_step(sample, eps, float(sigmas[249]), 0.0, noise)

print(json.dumps({
    "source": "models/diffusion/reference_schedule.py (torch float32, diffusers' formulas)",
    "alphasCumprod": {str(t): float(alphas_cumprod[t]) for t in [0, 1, 249, 499, 749, 999]},
    "sigmas": {str(t): float(sigmas[t]) for t in [0, 249, 499, 749, 999]},
    "trailing": {str(n): trailing(n) for n in [1, 2, 3, 4, 8]},
    "eulerAncestral": {
        "sample": sample.tolist(), "epsilon": eps.tolist(), "noise": noise.tolist(),
        "from": 749, "to": 499, "sigmaUp": up, "sigmaDown": down, "result": stepped,
        "lastFrom": 249, "lastResult": last,
    },
}, indent=2))
