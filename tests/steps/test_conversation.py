"""The conversation decoder: its plain-Python path for a few candidates agrees with NumPy's."""

import numpy as np

from ficlens.steps import conversation


def _numpy_decode(em, narrated):
    small = conversation._SMALL_K
    try:
        conversation._SMALL_K = 0
        return conversation.decode(em, narrated)
    finally:
        conversation._SMALL_K = small


def test_the_python_decoder_gives_numpys_bits():
    rng = np.random.default_rng(11)
    for k in range(2, conversation._SMALL_K + 1):
        for n in (2, 3, 5, 9):
            for _ in range(20):
                em = rng.normal(size=(n, k)) * rng.choice([0.5, 2.0, 6.0])
                if rng.random() < 0.3:
                    em = np.round(em)  # ties
                narrated = [bool(x) for x in rng.random(n) < 0.3]
                path, post = conversation.decode(em, narrated)
                want_path, want_post = _numpy_decode(em, narrated)
                assert path == want_path
                assert np.array_equal(post, want_post)


def test_alternation_decides_untagged_turns_between_tags():
    # Two people, the first and last turns tagged: the lines between alternate.
    em = np.array([[8.0, 0.0], [0.0, 0.0], [0.0, 0.0], [0.0, 0.0], [8.0, 0.0]])
    path, post = conversation.decode(em, [False] * 5)
    assert path == [0, 1, 0, 1, 0]
    assert np.allclose(post.sum(axis=1), 1.0)
