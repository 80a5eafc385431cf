-- The number that stands for one article version in the band levels. Parameters: article_id, batch_id.
SELECT owner FROM band_owners WHERE article_id = ? AND batch_id = ?;
