"""Near-duplicate articles: a syndicated copy has nearly the signature of the article it repeats."""

from __future__ import annotations

from hornbill.store import duplicates


def test_near_duplicate_texts_have_similar_signatures_and_share_a_band() -> None:
    article = (
        "Chad's government said on Thursday that the last French soldiers had left the base in the capital, "
        "ending a military presence that began decades ago. The handover ceremony was attended by senior "
        "officers of both armies and by the defence minister, who thanked the departing troops. Officials "
        "said the remaining equipment would be flown out of the country before the end of the month, and "
        "that a joint commission would settle the future of the shared airfield. Opposition leaders welcomed "
        "the departure but asked the government to publish the terms of the new security agreements it has "
        "signed with other partners, saying parliament had not been consulted. Analysts in the region said "
        "the withdrawal left the Sahel with no permanent Western military base for the first time in decades, "
        "and that neighbouring states were watching how the army would cope with attacks near the border."
    )
    copy = "Share this story\n" + article.replace("Thursday", "Thursday evening") + "\nRead more from our partners"
    other = (
        "French soldiers left their last base in Chad on Thursday, the army said, after the government in "
        "N'Djamena ended a defence pact with Paris. A ceremony marked the handover to Chadian officers, and the "
        "defence minister thanked the troops. The remaining equipment will be flown out this month, officials "
        "said, while a commission decides the fate of the airfield the two armies shared for decades."
    )
    a, b, c = duplicates.minhash(article), duplicates.minhash(copy), duplicates.minhash(other)
    assert duplicates.similarity(a, b) >= duplicates.NEAR_DUPLICATE
    assert set(duplicates.bands(a)) & set(duplicates.bands(b))
    assert duplicates.similarity(a, c) < duplicates.NEAR_DUPLICATE
